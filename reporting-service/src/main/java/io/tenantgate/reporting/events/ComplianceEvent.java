package io.tenantgate.reporting.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A compliance event as received from identity-service; never changed once stored. */
@Entity
@Table(name = "compliance_event")
public class ComplianceEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(length = 64)
    public String outcome;

    /** Reasons, one per line. */
    @Column(nullable = false)
    public String reasons;

    @Column(name = "customer_country", length = 2)
    public String customerCountry;

    @Column(name = "foreign_person", nullable = false)
    public boolean foreignPerson;

    @Column(nullable = false, length = 128)
    public String actor;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
