package io.tenantgate.identity.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook delivery settings. */
@ConfigMapping(prefix = "tenantgate.identity.webhooks")
public interface WebhookConfig {

    /** Plain http URLs; for local development only. */
    @WithDefault("false")
    boolean allowHttp();

    /** URLs resolving to loopback, private or link-local addresses; for local development only. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** How long one request may take, connecting included. */
    @WithDefault("10s")
    Duration timeout();

    /** How long a delivery is retried (exponential backoff with jitter) before it is dead-lettered. */
    @WithDefault("24h")
    Duration retryFor();

    /** The longest wait between two attempts of one delivery. */
    @WithDefault("5m")
    Duration backoffMax();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Deliveries one replica sends at the same time; a slow receiver holds one of them, never the others. */
    @WithDefault("8")
    int concurrency();
}
