package io.tenantgate.screening.engine.fuzz;

import java.io.StringReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tenantgate.screening.engine.parse.CslCsvParser;
import io.tenantgate.screening.engine.parse.ListParseException;

/** Any bytes as a CSL CSV file: entries, or the file refused with the line and reason, never another exception. */
class CslCsvParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyFileIsReadOrRefusedWithAReason(FuzzedDataProvider data) {
        try {
            CslCsvParser.parse("consolidated.csv", new StringReader(data.consumeRemainingAsString()));
        } catch (ListParseException refused) {
            // the expected refusal: it names the file, the line and the reason
        }
    }
}
