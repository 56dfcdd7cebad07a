package io.tenantgate.identity.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.retry.Backoff;
import io.tenantgate.common.retry.Failures;
import io.tenantgate.identity.client.ReportingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sends the outbox to reporting-service: oldest first, so a customer's events arrive in order; marked sent
 * only after reporting-service acknowledged them. When reporting-service is down nothing is lost: the
 * events wait and this replica tries again with backoff and jitter (at least once; reporting-service drops
 * repeats by event id). When reporting-service refuses a batch, each event is sent alone: those it accepts go
 * out, the one it refuses is parked with the reason, so one bad event never holds up the others.
 * Rows are locked with SKIP LOCKED, so several replicas can relay without sending the same event at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final EntityManager entities;
    private final ReportingClient reporting;
    private int failedRounds;
    private Instant nextRound = Instant.MIN;

    public OutboxRelay(EntityManager entities, ReportingClient reporting) {
        this.entities = entities;
        this.reporting = reporting;
    }

    @Scheduled(every = "${tenantgate.identity.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void relay() {
        if (Instant.now().isBefore(nextRound)) {
            return;
        }
        Round round;
        do {
            round = QuarkusTransaction.requiringNew().call(this::sendOneBatch);
        } while (round.fullBatchSent());
        if (round.unavailable() == null) {
            failedRounds = 0;
        } else {
            Duration wait = BACKOFF.jittered(++failedRounds);
            nextRound = Instant.now().plus(wait);
            LOG.debugf("reporting-service not reachable (%s); the outbox waits %d ms",
                    Failures.describe(round.unavailable()), wait.toMillis());
        }
    }

    /**
     * Sends up to one batch inside a transaction holding the rows' locks, and commits what went out (and what
     * was parked) even when reporting-service became unreachable half-way.
     */
    private Round sendOneBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = entities.createNativeQuery(
                        "select * from outbox_event where sent_at is null and parked_at is null order by id limit " + BATCH
                                + " for update skip locked", OutboxEvent.class)
                .getResultList();
        if (pending.isEmpty()) {
            return new Round(false, null);
        }
        try {
            send(pending);
            return new Round(pending.size() == BATCH, null);
        } catch (RuntimeException failed) {
            if (!isRefusal(failed)) {
                return new Round(false, failed);
            }
        }
        for (OutboxEvent event : pending) {
            try {
                send(List.of(event));
            } catch (RuntimeException failed) {
                if (!isRefusal(failed)) {
                    return new Round(false, failed);
                }
                event.attempts++;
                event.parkedAt = OffsetDateTime.now(ZoneOffset.UTC);
                event.parkedReason = "reporting-service refused the event: " + Failures.describe(failed);
                LOG.warnf("Outbox event %s parked: %s", event.eventId, event.parkedReason);
            }
        }
        return new Round(true, null);
    }

    private void send(List<OutboxEvent> events) {
        reporting.record(events.stream().map(OutboxRelay::toEvent).toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        events.forEach(event -> event.sentAt = now);
    }

    /** A refusal will not change by trying again: a permanent gRPC answer, or an event that cannot be built. */
    private static boolean isRefusal(RuntimeException failed) {
        return Failures.isPermanent(failed) || failed instanceof IllegalArgumentException
                || failed instanceof ClassCastException;
    }

    @SuppressWarnings("unchecked")
    private static ReportingClient.Event toEvent(OutboxEvent e) {
        return new ReportingClient.Event(e.eventId, e.customerId, e.sequence, e.type, e.createdAt,
                String.valueOf(e.payload.get("decision")), (List<String>) e.payload.get("reasons"),
                String.valueOf(e.payload.get("country")), Boolean.TRUE.equals(e.payload.get("foreignPerson")),
                String.valueOf(e.payload.get("actor")));
    }

    /** What one batch did: whether a full batch went out (so another may follow), and the failure that stopped it. */
    private record Round(boolean fullBatchSent, RuntimeException unavailable) {
    }
}
