package io.tenantgate.common.grpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * This service's own access token for outbound calls. It is renewed once half its life has passed, in the
 * background while it is still good, and kept in use while renewals fail, so Keycloak can be away for up to
 * half a token's life without a single service-to-service call failing. Only when no usable token is left does a
 * call wait for Keycloak, or fail at once with the reason the last renewal failed.
 */
public final class ServiceToken {

    /** An access token and when it expires. */
    public record Issued(String value, Instant expiresAt) {
    }

    /** Sent no longer once it expires within this much: it could expire on its way to the callee. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);
    /** After a failed renewal, the next attempt waits this long, so an outage is not met with a storm of requests. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final Supplier<CompletionStage<Issued>> issuer;
    private final Clock clock;

    private volatile Held held;
    private CompletableFuture<Issued> renewal;
    private Instant nextAttempt = Instant.MIN;
    private Throwable lastFailure;

    private record Held(Issued token, Instant renewAfter) {
    }

    public ServiceToken(Supplier<CompletionStage<Issued>> issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * A token to send now. Waits up to {@code wait} only when no usable token is held.
     *
     * @throws IllegalStateException naming the cause when Keycloak gave no token
     */
    public String value(Duration wait) {
        Held current = held;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.renewAfter())) {
            return current.token().value();
        }
        CompletableFuture<Issued> renewing = renew(now);
        current = held; // a renewal may have finished at once
        if (current != null && now.isBefore(current.token().expiresAt().minus(EXPIRY_MARGIN))) {
            return current.token().value();
        }
        if (renewing == null) {
            throw new IllegalStateException("no service token: " + describe(lastFailure()));
        }
        try {
            return renewing.get(wait.toMillis(), TimeUnit.MILLISECONDS).value();
        } catch (ExecutionException e) {
            throw new IllegalStateException("no service token: " + describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no service token: Keycloak did not answer within " + wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("no service token: interrupted", e);
        }
    }

    /** The renewal in progress, a new one, or null while the last failure's retry delay runs. */
    private synchronized CompletableFuture<Issued> renew(Instant now) {
        if (renewal != null && !renewal.isDone()) {
            return renewal;
        }
        if (now.isBefore(nextAttempt)) {
            return null;
        }
        CompletableFuture<Issued> started;
        try {
            started = issuer.get().toCompletableFuture();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        renewal = started.whenComplete((issued, failure) -> settle(now, issued, failure));
        return renewal;
    }

    private synchronized void settle(Instant requestedAt, Issued issued, Throwable failure) {
        if (failure != null) {
            lastFailure = failure;
            nextAttempt = clock.instant().plus(RETRY_DELAY);
            return;
        }
        Duration life = Duration.between(requestedAt, issued.expiresAt());
        held = new Held(issued, requestedAt.plus(life.dividedBy(2)));
        lastFailure = null;
    }

    private synchronized Throwable lastFailure() {
        return lastFailure;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "Keycloak gave none";
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
