package io.tenantgate.reporting.grpc;

import io.tenantgate.proto.reporting.v1.ComplianceEvent;
import io.tenantgate.proto.reporting.v1.EventType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks and converts events from the wire; the first bad field rejects the whole batch, naming it. */
final class EventMapping {

    static final int MAX_BATCH = 1000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private EventMapping() {
    }

    static List<io.tenantgate.reporting.events.ComplianceEvent> toEntities(List<ComplianceEvent> events) {
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("events: between 1 and " + MAX_BATCH + " events per call");
        }
        List<io.tenantgate.reporting.events.ComplianceEvent> entities = new ArrayList<>(events.size());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            var entity = toEntity(events.get(i), "events[" + i + "].");
            if (!seen.add(entity.eventId)) {
                throw new IllegalArgumentException("events[" + i + "].event_id: repeated within the batch");
            }
            entities.add(entity);
        }
        return entities;
    }

    private static io.tenantgate.reporting.events.ComplianceEvent toEntity(ComplianceEvent e, String at) {
        var entity = new io.tenantgate.reporting.events.ComplianceEvent();
        try {
            entity.eventId = UUID.fromString(e.getEventId());
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalArgumentException(at + "event_id: must be a UUID");
        }
        entity.customerId = required(e.getCustomerId(), at + "customer_id", 64);
        if (e.getSequence() < 0) {
            throw new IllegalArgumentException(at + "sequence: must not be negative");
        }
        entity.sequence = e.getSequence();
        if (e.getType() == EventType.EVENT_TYPE_UNSPECIFIED || e.getType() == EventType.UNRECOGNIZED) {
            throw new IllegalArgumentException(at + "type: must be given");
        }
        entity.type = e.getType().name().substring("EVENT_TYPE_".length());
        if (!e.hasOccurredAt()) {
            throw new IllegalArgumentException(at + "occurred_at: must be given");
        }
        entity.occurredAt = Instant.ofEpochSecond(e.getOccurredAt().getSeconds(), e.getOccurredAt().getNanos())
                .atOffset(ZoneOffset.UTC);
        entity.outcome = e.getOutcome().isEmpty() ? null : required(e.getOutcome(), at + "outcome", 64);
        entity.reasons = String.join("\n", e.getReasonsList());
        if (!e.getCustomerCountry().isEmpty() && !COUNTRY.matcher(e.getCustomerCountry()).matches()) {
            throw new IllegalArgumentException(at + "customer_country: must be an ISO 3166-1 alpha-2 code");
        }
        entity.customerCountry = e.getCustomerCountry().isEmpty() ? null : e.getCustomerCountry();
        entity.foreignPerson = e.getForeignPerson();
        entity.actor = required(e.getActor(), at + "actor", 128);
        return entity;
    }

    private static String required(String value, String field, int maxLength) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must be given");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
        return value;
    }
}
