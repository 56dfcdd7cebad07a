package io.tenantgate.identity.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An event for reporting-service, committed with the change it reports and sent later by a relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** Increasing per customer: reporting applies a customer's events in this order. */
    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false, length = 32)
    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** Sends reporting-service refused; a refused event is parked, not sent again by itself. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    @Column(name = "parked_reason")
    public String parkedReason;
}
