package io.tenantgate.identity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event for one subscription: written with the change it reports, sent in order per customer until the
 * receiver accepts it, or dead-lettered once retrying has lasted the configured time.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The {@code webhook-id}: the same on every attempt and replay, so receivers drop repeats. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String type;

    /** The JSON body, fixed when the event happened. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** When it may be tried next; also the lease a replica takes while it sends. */
    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    /** Failed attempts are retried until then; set when the event is queued and again when it is replayed. */
    @Column(name = "retry_until", nullable = false)
    public OffsetDateTime retryUntil;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_latency_ms")
    public Long lastLatencyMs;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "dead_at")
    public OffsetDateTime deadAt;
}
