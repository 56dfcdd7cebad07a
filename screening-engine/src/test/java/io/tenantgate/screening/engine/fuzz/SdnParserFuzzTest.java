package io.tenantgate.screening.engine.fuzz;

import java.io.StringReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tenantgate.screening.engine.parse.ListParseException;
import io.tenantgate.screening.engine.parse.SdnParser;

/** Any bytes as the four SDN files: entries, or the upload refused with the file, line and reason. */
class SdnParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyFilesAreReadOrRefusedWithAReason(FuzzedDataProvider data) {
        String sdn = data.consumeString(4_000);
        String add = data.consumeString(2_000);
        String alt = data.consumeString(2_000);
        String comments = data.consumeRemainingAsString();
        try {
            SdnParser.parse(new StringReader(sdn), new StringReader(add), new StringReader(alt), new StringReader(comments));
        } catch (ListParseException refused) {
            // the expected refusal
        }
    }
}
