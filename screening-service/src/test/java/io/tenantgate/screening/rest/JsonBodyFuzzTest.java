package io.tenantgate.screening.rest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tenantgate.common.testing.JsonBodies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any bytes as the JSON body of any POST or PUT of screening-service, read and validated as the service does (Jackson's
 * strict reader, Bean Validation): read, or refused as unreadable or invalid, never another exception (a 500).
 */
class JsonBodyFuzzTest {

    private static final JsonBodies BODIES = JsonBodies.ofEveryResourceBeside(ScreeningResource.class);

    /** The fuzzing reaches every body the API takes: every resource's, found by scanning (a new one is counted here). */
    @Test
    void everyJsonBodyOfTheApiIsFuzzed() {
        assertEquals(1, BODIES.types().size(), BODIES.types().toString());
    }

    /** The fuzzer starts from a valid body of each type (kept beside the inputs it finds). */
    @Test
    void theSeedsAreValidBodiesOfEveryType() throws java.io.IOException {
        BODIES.checkSeeds(java.nio.file.Path.of("src/test/resources/io/tenantgate/screening/rest/JsonBodyFuzzTestInputs/anyJsonIsReadOrRefused"));
    }

    /** The first byte chooses the body type; the seeds beside this class are a valid body of each. */
    @FuzzTest(maxDuration = "10s")
    void anyJsonIsReadOrRefused(byte[] input) {
        BODIES.readAndValidate(input);
    }
}
