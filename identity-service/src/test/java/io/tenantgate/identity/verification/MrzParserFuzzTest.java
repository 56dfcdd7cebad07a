package io.tenantgate.identity.verification;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text as a machine-readable zone (the customer types or scans it): a reading, or a refusal that says what
 * is wrong with it, never another exception (which would answer 500).
 */
class MrzParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyTextIsReadOrRefusedWithAReason(FuzzedDataProvider data) {
        try {
            MrzParser.parse(data.consumeRemainingAsString());
        } catch (MrzFormatException refused) {
            // the expected refusal
        }
    }
}
