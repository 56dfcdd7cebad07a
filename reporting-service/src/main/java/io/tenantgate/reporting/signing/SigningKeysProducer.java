package io.tenantgate.reporting.signing;

import io.tenantgate.reporting.config.ReportsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The report signing keys from configuration. No key is ever committed: without one, dev and test
 * ({@code ephemeral-key-allowed}) get a key that lives as long as the process; production refuses to start.
 */
public class SigningKeysProducer {

    private static final Logger LOG = Logger.getLogger(SigningKeysProducer.class);

    @Produces
    @Singleton
    @Startup // a production start without a key fails at once, not at the first submission
    Ed25519Keys keys(ReportsConfig config) {
        Map<String, PublicKey> earlier = new HashMap<>();
        config.verificationKeys().forEach((id, key) -> earlier.put(id, Ed25519Keys.publicKey(key)));
        if (config.signingKey().isPresent()) {
            PublicKey current = earlier.remove(config.signingKeyId());
            if (current == null) {
                throw new IllegalStateException("tenantgate.reports.verification-keys." + config.signingKeyId()
                        + " must hold the public key of the signing key");
            }
            return new Ed25519Keys(config.signingKeyId(), Ed25519Keys.privateKey(config.signingKey().get()), current, earlier);
        }
        if (!config.ephemeralKeyAllowed()) {
            throw new IllegalStateException("tenantgate.reports.signing-key is not set: reports cannot be signed");
        }
        KeyPair pair = Ed25519Keys.generate();
        String id = "ephemeral-" + UUID.randomUUID();
        LOG.warnf("""
                
                ********************************************************************************
                NO REPORT SIGNING KEY CONFIGURED: signing with the throw-away key %s.
                Reports signed now cannot be verified after a restart. Set
                tenantgate.reports.signing-key, signing-key-id and verification-keys.<id>.
                ********************************************************************************""", id);
        return new Ed25519Keys(id, pair.getPrivate(), pair.getPublic(), earlier);
    }
}
