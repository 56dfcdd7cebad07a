package io.tenantgate.identity.cases;

import io.grpc.StatusRuntimeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.identity.client.ReportingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sends the outbox to reporting-service: oldest first, so a customer's events arrive in order; marked sent
 * only after reporting-service acknowledged them. When reporting-service is down nothing is lost: the
 * events wait and go out on a later round (at least once; reporting-service drops repeats by event id).
 * Rows are locked with SKIP LOCKED, so several replicas can relay without sending the same event at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final EntityManager entities;
    private final ReportingClient reporting;

    public OutboxRelay(EntityManager entities, ReportingClient reporting) {
        this.entities = entities;
        this.reporting = reporting;
    }

    @Scheduled(every = "${tenantgate.identity.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void relay() {
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(this::sendOneBatch);
        }
    }

    /** Sends up to one batch inside a transaction holding the rows' locks; true when a full batch went out. */
    private boolean sendOneBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = entities.createNativeQuery(
                        "select * from outbox_event where sent_at is null order by id limit " + BATCH
                                + " for update skip locked", OutboxEvent.class)
                .getResultList();
        if (pending.isEmpty()) {
            return false;
        }
        try {
            reporting.record(pending.stream().map(OutboxRelay::toEvent).toList());
        } catch (StatusRuntimeException unavailable) {
            LOG.debugf("reporting-service not reachable (%s); %d events wait", unavailable.getStatus().getCode(),
                    pending.size());
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        pending.forEach(event -> event.sentAt = now);
        return pending.size() == BATCH;
    }

    @SuppressWarnings("unchecked")
    private static ReportingClient.Event toEvent(OutboxEvent e) {
        return new ReportingClient.Event(e.eventId, e.customerId, e.sequence, e.type, e.createdAt,
                String.valueOf(e.payload.get("decision")), (List<String>) e.payload.get("reasons"),
                String.valueOf(e.payload.get("country")), Boolean.TRUE.equals(e.payload.get("foreignPerson")),
                String.valueOf(e.payload.get("actor")));
    }
}
