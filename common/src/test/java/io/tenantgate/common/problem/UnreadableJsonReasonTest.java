package io.tenantgate.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client is told about a body Jackson could not read: where, why, in its terms. */
class UnreadableJsonReasonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Colour { RED, GREEN }

    record Thing(Colour colour, int count) {
    }

    @Test
    void aSyntaxErrorSaysItsLineAndColumn() {
        String reason = reasonFor("{\"colour\": \"RED\",\n \"count\": }");
        assertTrue(reason.startsWith("line 2, column "), reason);
    }

    @Test
    void aWrongEnumValueListsTheAcceptedOnes() {
        assertEquals("'BLUE' is not one of [RED, GREEN]", reasonFor("{\"colour\": \"BLUE\", \"count\": 1}"));
    }

    @Test
    void noJavaClassNameLeaks() {
        String reason = reasonFor("\"just a string\"");
        assertFalse(reason.contains("io.tenantgate"), reason);
        assertTrue(reason.contains("Thing"), reason);
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        ObjectMapper strict = JSON.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonProcessingException unknown = assertThrows(JsonProcessingException.class,
                () -> strict.readValue("{\"colour\": \"RED\", \"cuont\": 1}", Thing.class));
        assertEquals("unknown field; the fields here are [colour, count]", ProblemExceptionMappers.reason(unknown));
    }

    private static String reasonFor(String body) {
        JsonProcessingException unreadable = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Thing.class));
        return ProblemExceptionMappers.reason(unreadable);
    }
}
