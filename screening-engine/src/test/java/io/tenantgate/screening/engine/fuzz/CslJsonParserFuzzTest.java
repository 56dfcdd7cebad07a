package io.tenantgate.screening.engine.fuzz;

import java.io.StringReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tenantgate.screening.engine.parse.CslJsonParser;
import io.tenantgate.screening.engine.parse.ListParseException;

/** Any bytes as a CSL JSON file: entries, or the file refused with the line and reason, never another exception. */
class CslJsonParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyFileIsReadOrRefusedWithAReason(FuzzedDataProvider data) {
        try {
            CslJsonParser.parse("consolidated.json", new StringReader(data.consumeRemainingAsString()));
        } catch (ListParseException refused) {
            // the expected refusal
        }
    }
}
