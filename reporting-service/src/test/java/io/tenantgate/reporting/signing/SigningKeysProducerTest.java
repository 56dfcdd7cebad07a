package io.tenantgate.reporting.signing;

import io.tenantgate.reporting.config.ReportsConfig;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production refuses to run without a configured key; dev and test may fall back to a throw-away one. */
class SigningKeysProducerTest {

    @Test
    void withoutAKeyOnlyAnEphemeralKeyWhenAllowed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SigningKeysProducer().keys(config(Optional.empty(), Map.of(), false)));
        assertTrue(refused.getMessage().contains("tenantgate.reports.signing-key"));

        Ed25519Keys ephemeral = new SigningKeysProducer().keys(config(Optional.empty(), Map.of(), true));
        assertTrue(ephemeral.currentKeyId().startsWith("ephemeral-"));
    }

    @Test
    void aConfiguredKeyNeedsItsOwnPublicKeyAndSignsUnderItsId() {
        KeyPair pair = Ed25519Keys.generate();
        Optional<String> privateKey = Optional.of(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());

        assertThrows(IllegalStateException.class, () -> new SigningKeysProducer().keys(config(privateKey, Map.of(), false)));
        Ed25519Keys keys = new SigningKeysProducer().keys(config(privateKey, Map.of("reports-1", publicKey), false));
        assertEquals("reports-1", keys.currentKeyId());
        assertTrue(keys.verify("x", keys.sign("x"), "reports-1").valid());
    }

    private static ReportsConfig config(Optional<String> key, Map<String, String> publicKeys, boolean ephemeralAllowed) {
        return new ReportsConfig() {
            public Duration dueAfter() { return Duration.ofDays(15); }
            public Duration dueSoonWithin() { return Duration.ofDays(3); }
            public Duration obligationCheckInterval() { return Duration.ofSeconds(5); }
            public Duration escalationInterval() { return Duration.ofMinutes(1); }
            public Duration filingInterval() { return Duration.ofSeconds(10); }
            public Duration identityRetryBase() { return Duration.ofSeconds(10); }
            public Duration identityRetryMax() { return Duration.ofMinutes(10); }
            public Duration retentionAfterDecision() { return Duration.ofDays(1826); }
            public String cipProgramVersion() { return "1"; }
            public Optional<String> signingKey() { return key; }
            public String signingKeyId() { return "reports-1"; }
            public Map<String, String> verificationKeys() { return publicKeys; }
            public boolean ephemeralKeyAllowed() { return ephemeralAllowed; }
            public Filing filing() { return null; }
        };
    }
}
