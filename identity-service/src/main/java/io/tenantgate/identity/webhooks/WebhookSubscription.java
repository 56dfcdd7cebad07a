package io.tenantgate.identity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where one integration client wants which events; its signing secrets are stored sealed. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "owner_client", nullable = false)
    public String ownerClient;

    @Column(nullable = false)
    public String url;

    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;

    /** Sealed; signs every delivery. */
    @Column(nullable = false)
    public String secret;

    /** Sealed; the secret before the last rotation, which also signs until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
