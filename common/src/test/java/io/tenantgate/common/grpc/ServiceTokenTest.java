package io.tenantgate.common.grpc;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTokenTest {

    private static final Duration LIFE = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final MovableClock clock = new MovableClock();
    /** What Keycloak answers to each token request, in order; a request beyond them finds Keycloak down. */
    private final Deque<CompletableFuture<ServiceToken.Issued>> answers = new ArrayDeque<>();
    private int requests;
    private final ServiceToken token = new ServiceToken(this::request, clock);

    private CompletionStage<ServiceToken.Issued> request() {
        requests++;
        CompletableFuture<ServiceToken.Issued> answer = answers.poll();
        return answer != null ? answer : CompletableFuture.failedFuture(new ConnectException("Connection refused"));
    }

    private void keycloakIssues(String value) {
        answers.add(CompletableFuture.completedFuture(new ServiceToken.Issued(value, clock.instant().plus(LIFE))));
    }

    @Test
    void aTokenIsReusedUntilHalfItsLifeHasPassedAndThenRenewed() {
        keycloakIssues("first");
        assertEquals("first", token.value(WAIT));
        clock.advance(LIFE.dividedBy(2).minusSeconds(1));
        assertEquals("first", token.value(WAIT));
        assertEquals(1, requests);

        clock.advance(Duration.ofSeconds(2));
        keycloakIssues("second");
        assertEquals("second", token.value(WAIT));
        assertEquals(2, requests);
    }

    @Test
    void whileKeycloakIsDownTheHeldTokenIsSentUntilCloseToItsExpiry() {
        keycloakIssues("first");
        token.value(WAIT);
        clock.advance(LIFE.dividedBy(2).plusSeconds(1));
        // Keycloak is down from now on: the renewal fails, and the token still valid for 2.5 minutes is sent.
        assertEquals("first", token.value(WAIT));
        clock.advance(LIFE.dividedBy(2).minus(ServiceToken.EXPIRY_MARGIN).minusSeconds(2));
        assertEquals("first", token.value(WAIT));

        clock.advance(Duration.ofSeconds(2));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> token.value(WAIT));
        assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());
    }

    @Test
    void failedRenewalsAreRetriedAfterADelayNotOnEveryCall() {
        keycloakIssues("first");
        token.value(WAIT);
        clock.advance(LIFE.dividedBy(2).plusSeconds(1));
        for (int call = 0; call < 100; call++) {
            token.value(WAIT);
        }
        assertEquals(2, requests, "one failed renewal, then quiet for the retry delay");

        clock.advance(ServiceToken.RETRY_DELAY);
        keycloakIssues("second");
        assertEquals("second", token.value(WAIT));
        assertEquals(3, requests);
    }

    @Test
    void withNoTokenACallWaitsForKeycloakOrFailsWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> token.value(WAIT));
        assertTrue(refused.getMessage().contains("ConnectException"), refused.getMessage());
        // Within the retry delay a call fails at once with the same reason, without asking Keycloak again.
        assertThrows(IllegalStateException.class, () -> token.value(WAIT));
        assertEquals(1, requests);

        clock.advance(ServiceToken.RETRY_DELAY);
        CompletableFuture<ServiceToken.Issued> slow = new CompletableFuture<>();
        answers.add(slow);
        IllegalStateException timedOut = assertThrows(IllegalStateException.class, () -> token.value(Duration.ofMillis(50)));
        assertTrue(timedOut.getMessage().contains("did not answer"), timedOut.getMessage());
        slow.complete(new ServiceToken.Issued("late", clock.instant().plus(LIFE)));
        assertEquals("late", token.value(WAIT));
        assertEquals(2, requests, "the slow answer was awaited, not asked for twice");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
