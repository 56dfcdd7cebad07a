package io.tenantgate.common.retry;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {

    @Test
    void aRefusedRequestIsPermanentAndAnAbsentServiceIsNot() {
        assertTrue(Failures.isPermanent(Status.INVALID_ARGUMENT.withDescription("party.names: at most 20").asRuntimeException()));
        assertTrue(Failures.isPermanent(new CompletionException(Status.NOT_FOUND.asException())));
        assertFalse(Failures.isPermanent(Status.UNAVAILABLE.asRuntimeException()));
        assertFalse(Failures.isPermanent(Status.UNIMPLEMENTED.asRuntimeException()), "a miswired client, mended by configuration");
        assertFalse(Failures.isPermanent(Status.UNAUTHENTICATED.asRuntimeException()));
        assertFalse(Failures.isPermanent(Status.DEADLINE_EXCEEDED.asRuntimeException()));
        assertFalse(Failures.isPermanent(new IllegalStateException("timeout")));
        assertEquals("INVALID_ARGUMENT: party.names: at most 20",
                Failures.describe(new CompletionException(Status.INVALID_ARGUMENT.withDescription("party.names: at most 20").asRuntimeException())));
    }

    @Test
    void waitsDoubleUpToTheCapAndJitterStaysBetweenHalfAndAll() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(1), backoff.after(1));
        assertEquals(Duration.ofSeconds(8), backoff.after(4));
        assertEquals(Duration.ofMinutes(1), backoff.after(40));
        for (int i = 0; i < 1000; i++) {
            Duration wait = backoff.jittered(4);
            assertTrue(wait.compareTo(Duration.ofSeconds(4)) >= 0 && wait.compareTo(Duration.ofSeconds(8)) <= 0, wait.toString());
        }
    }
}
