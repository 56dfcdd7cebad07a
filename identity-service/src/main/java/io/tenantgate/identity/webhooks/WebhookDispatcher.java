package io.tenantgate.identity.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.retry.Backoff;
import io.tenantgate.common.retry.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends due deliveries: at least once, in order per customer and subscription, each on its own worker so a
 * receiver that answers slowly or never holds up only its own customer's next events. A delivery that fails is
 * tried again with exponential backoff and jitter until it has been retried for the configured time, then it is
 * dead-lettered with its last error, visible in the delivery log and replayable. Redirects are not followed
 * (a 3xx is a failure) and the address is checked before every attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int ERROR_LENGTH = 500;

    private final WebhookRepository webhooks;
    private final WebhookService service;
    private final WebhookConfig config;
    private final Backoff backoff;
    private final HttpClient http;
    private final ExecutorService workers;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public WebhookDispatcher(WebhookRepository webhooks, WebhookService service, WebhookConfig config) {
        this.webhooks = webhooks;
        this.service = service;
        this.config = config;
        this.backoff = new Backoff(Duration.ofSeconds(1), config.backoffMax());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).build();
        this.workers = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${tenantgate.identity.webhooks.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void dispatch() {
        int free = config.concurrency() - inFlight.size();
        if (free <= 0) {
            return;
        }
        // leased for longer than one attempt may take, so no other replica sends it meanwhile
        Duration lease = config.timeout().multipliedBy(2).plusSeconds(5);
        List<Long> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> webhooks.claimDue(free, lease));
        } catch (RuntimeException unavailable) {
            // the database is away: deliveries wait where they are, and the next round tries again
            LOG.debugf("Webhook deliveries not claimed: %s", Failures.describe(unavailable));
            return;
        }
        for (Long id : claimed) {
            inFlight.add(id);
            workers.execute(() -> {
                try {
                    deliver(id);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Webhook delivery %d failed unexpectedly; its lease ends and it is tried again", id);
                } finally {
                    inFlight.remove(id);
                }
            });
        }
    }

    private void deliver(long id) {
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        Outcome outcome = attempt.refusal() != null ? new Outcome(null, 0, attempt.refusal(), attempt.permanent())
                : send(attempt);
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome));
    }

    /** What to send: the body, the URL and the signature, read in a short transaction. */
    private Attempt prepare(long id) {
        WebhookDelivery delivery = webhooks.delivery(id);
        WebhookSubscription subscription = webhooks.subscription(delivery.subscriptionId);
        if (subscription.deletedAt != null) {
            return Attempt.refused("the subscription was deleted", true);
        }
        String refusal = service.refusal(subscription);
        if (refusal != null) {
            return Attempt.refused("the URL " + refusal, false); // a name may resolve elsewhere later
        }
        long timestamp = Instant.now().getEpochSecond();
        String messageId = "msg_" + delivery.eventId;
        return new Attempt(URI.create(subscription.url), messageId, timestamp, delivery.payload,
                WebhookSigner.signature(messageId, timestamp, delivery.payload, service.signingSecrets(subscription)), null,
                false);
    }

    private Outcome send(Attempt attempt) {
        HttpRequest request = HttpRequest.newBuilder(attempt.url()).timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "TenantGate-Webhooks/1")
                .header("webhook-id", attempt.messageId())
                .header("webhook-timestamp", Long.toString(attempt.timestamp()))
                .header("webhook-signature", attempt.signature())
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body())).build();
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
            boolean accepted = response.statusCode() / 100 == 2;
            return new Outcome(response.statusCode(), latency,
                    accepted ? null : "the receiver answered " + response.statusCode(), false);
        } catch (IOException e) {
            return new Outcome(null, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, 0, "interrupted while sending", false);
        }
    }

    private void record(long id, Outcome outcome) {
        WebhookDelivery delivery = webhooks.delivery(id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        delivery.attempts++;
        delivery.lastStatus = outcome.status();
        delivery.lastLatencyMs = outcome.latencyMs();
        delivery.lastError = truncate(outcome.error());
        if (outcome.error() == null) {
            delivery.deliveredAt = now;
        } else if (outcome.permanent() || !delivery.retryUntil.isAfter(now)) {
            delivery.deadAt = now;
            LOG.warnf("Webhook delivery %d (%s) dead-lettered after %d attempts: %s", id, delivery.type,
                    delivery.attempts, delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(backoff.jittered(delivery.attempts));
        }
        WebhookAttempt logged = new WebhookAttempt();
        logged.deliveryId = id;
        logged.attemptedAt = now;
        logged.status = outcome.status();
        logged.latencyMs = outcome.latencyMs();
        logged.error = delivery.lastError;
        webhooks.persist(logged);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.shutdownNow(); // unfinished deliveries keep their lease and are sent again after it
    }

    private record Attempt(URI url, String messageId, long timestamp, String body, String signature, String refusal,
                           boolean permanent) {

        static Attempt refused(String why, boolean permanent) {
            return new Attempt(null, null, 0, null, null, why, permanent);
        }
    }

    private record Outcome(Integer status, long latencyMs, String error, boolean permanent) {
    }
}
