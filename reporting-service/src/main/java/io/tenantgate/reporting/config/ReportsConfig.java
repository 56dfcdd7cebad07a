package io.tenantgate.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Report obligations, signing, deadlines and filing. */
@ConfigMapping(prefix = "tenantgate.reports")
public interface ReportsConfig {

    /** Time from the provider's knowledge of a reportable run to the report's due date (15 days in the proposed rule). */
    @WithDefault("15d")
    Duration dueAfter();

    /** Deadlines closer than this count as "due soon" on the deadlines endpoint, the gauge and escalations. */
    @WithDefault("3d")
    Duration dueSoonWithin();

    /** How often new detections are turned into obligations and pending ones are retried. */
    Duration obligationCheckInterval();

    /** How often deadlines are checked for escalation. */
    Duration escalationInterval();

    /** How often submitted reports are sent to the regulator. */
    Duration filingInterval();

    /** First wait before asking identity-service again; doubles each attempt up to {@link #identityRetryMax()}. */
    @WithDefault("10s")
    Duration identityRetryBase();

    @WithDefault("10m")
    Duration identityRetryMax();

    /**
     * How long a report's content (the customer's personal data) is kept once the regulator acknowledged or rejected
     * it, or, for a draft never submitted, once it was drafted; then retention erases it (five years by default).
     */
    @WithDefault("1826d")
    Duration retentionAfterDecision();

    /** Version of the provider's CIP stated in the annual certification. */
    @WithDefault("1")
    String cipProgramVersion();

    /** Ed25519 private key, PKCS#8 DER in base64; required in production. */
    Optional<String> signingKey();

    /** Id of {@link #signingKey()}, stored with every signature. */
    @WithDefault("reports-1")
    String signingKeyId();

    /** Public keys (X.509 DER, base64) of earlier signing keys by id, so reports signed before a rotation still verify. */
    Map<String, String> verificationKeys();

    /** Without a configured key, generate a throw-away key at start (dev and test only). */
    @WithDefault("false")
    boolean ephemeralKeyAllowed();

    Filing filing();

    interface Filing {
        /** The regulator's filing endpoint; without it submitted reports wait. */
        Optional<String> url();

        /**
         * Production: refuse to start without {@link #url()} (an https one), so that submitted reports cannot
         * wait unseen for an endpoint nobody set.
         */
        @WithDefault("false")
        boolean required();

        @WithDefault("30s")
        Duration retryBase();

        @WithDefault("1h")
        Duration retryMax();

        @WithDefault("10s")
        Duration timeout();
    }
}
