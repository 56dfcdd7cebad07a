package io.tenantgate.screening.engine.fuzz;

import java.io.StringReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tenantgate.screening.engine.parse.InternalListParser;
import io.tenantgate.screening.engine.parse.ListParseException;

/** Any bytes as the provider's internal list: entries, or the file refused with the line and reason. */
class InternalListParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyFileIsReadOrRefusedWithAReason(FuzzedDataProvider data) {
        try {
            InternalListParser.parse("internal.csv", new StringReader(data.consumeRemainingAsString()));
        } catch (ListParseException refused) {
            // the expected refusal
        }
    }
}
