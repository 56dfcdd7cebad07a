package io.tenantgate.screening.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.normalize.NameNormalizer;

/**
 * Any string in any script (right-to-left marks, zero-width characters, unpaired surrogates, 10,000 characters)
 * normalizes to a name: names come from outside, and one that cannot be screened must not stop a sign-up.
 */
class NameNormalizerFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyStringNormalizes(FuzzedDataProvider data) {
        EntryType type = data.pickValue(EntryType.values());
        assertNotNull(NameNormalizer.normalize(data.consumeRemainingAsString(), type));
    }
}
