package io.tenantgate.identity.outbox;

import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.webhooks.WebhookEvent;
import io.tenantgate.identity.webhooks.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a change to a case tells the world, in the transaction of the change: an event for reporting-service
 * through the transactional outbox ({@link OutboxRelay} sends it), and webhook deliveries for the provider's
 * systems.
 */
@ApplicationScoped
public class CaseEvents {

    /** The case as its events describe it; {@code client} opened it, null when not known. */
    public record Subject(UUID caseId, String client, List<String> accountIds, Decision decision, String country,
                          boolean foreignPerson) {
    }

    private final EntityManager entities;
    private final WebhookService webhooks;

    public CaseEvents(EntityManager entities, WebhookService webhooks) {
        this.entities = entities;
        this.webhooks = webhooks;
    }

    /**
     * Queues an event of the type ("DECISION", "REVIEW_OUTCOME", "ACCOUNT_CLOSED", "VERIFICATION_FAILURE") and
     * the webhooks it stands for; a decision or review outcome that approves a customer for the first time also
     * reports the account as opened (the annual CIP certification counts them).
     */
    public void publish(Subject subject, String type, String actor, List<String> reasons) {
        enqueue(subject, type, actor, reasons);
        tell(subject, reasons, switch (type) {
            case "DECISION" -> subject.decision() == Decision.REVIEW
                    ? List.of(WebhookEvent.CASE_DECIDED, WebhookEvent.CASE_REVIEW_OPENED) : List.of(WebhookEvent.CASE_DECIDED);
            case "REVIEW_OUTCOME" -> List.of(WebhookEvent.CASE_REVIEW_CLOSED, WebhookEvent.CASE_DECIDED);
            case "ACCOUNT_CLOSED" -> List.of(WebhookEvent.ACCOUNT_CLOSED);
            default -> List.of();
        });
        boolean decides = type.equals("DECISION") || type.equals("REVIEW_OUTCOME");
        if (decides && subject.decision() == Decision.APPROVED && !hasEvent(subject.caseId(), "ACCOUNT_OPENED")) {
            enqueue(subject, "ACCOUNT_OPENED", actor, List.of("approved: the account may be opened"));
        }
    }

    /** An approved customer reopened by a list change: the provider should pause its compute until the review ends. */
    public void reopened(Subject subject, List<String> reasons) {
        tell(subject, reasons, List.of(WebhookEvent.CASE_REOPENED, WebhookEvent.ACCOUNT_HOLD_RECOMMENDED));
    }

    private void tell(Subject subject, List<String> reasons, List<WebhookEvent> events) {
        if (!events.isEmpty()) {
            webhooks.publish(subject.caseId(), subject.client(), subject.accountIds(), subject.decision().name(), reasons,
                    events);
        }
    }

    private void enqueue(Subject subject, String type, String actor, List<String> reasons) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.customerId = subject.caseId();
        event.sequence = nextSequence(subject.caseId());
        event.type = type;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", subject.decision().name());
        payload.put("reasons", reasons);
        payload.put("country", subject.country());
        payload.put("foreignPerson", subject.foreignPerson());
        payload.put("actor", actor);
        event.payload = payload;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entities.persist(event);
    }

    private boolean hasEvent(UUID customerId, String type) {
        return !entities.createQuery("select 1 from OutboxEvent where customerId = ?1 and type = ?2", Integer.class)
                .setParameter(1, customerId).setParameter(2, type).setMaxResults(1).getResultList().isEmpty();
    }

    private long nextSequence(UUID customerId) {
        Long last = entities.createQuery("select max(sequence) from OutboxEvent where customerId = ?1", Long.class)
                .setParameter(1, customerId).getSingleResult();
        return last == null ? 1 : last + 1;
    }
}
