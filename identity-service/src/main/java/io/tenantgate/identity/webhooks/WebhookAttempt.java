package io.tenantgate.identity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One try to deliver: the receiver's status (none when it could not be reached), how long it took, what failed. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    public Integer status;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    public String error;
}
