package io.tenantgate.identity.secrets;

import io.tenantgate.identity.config.EncryptionConfig;
import io.tenantgate.identity.verification.IdentityFingerprinter;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Base64;

/** Builds the cipher and the fingerprinter from configuration; a bad key stops the service at start. */
public class SecretsProducer {

    @Produces
    @Singleton
    FieldCipher fieldCipher(EncryptionConfig config) {
        return FieldCipher.fromConfig(config.keys(), config.activeKeyId());
    }

    @Produces
    @Singleton
    IdentityFingerprinter fingerprinter(EncryptionConfig config) {
        return new IdentityFingerprinter(config.fingerprintKeyId(), Base64.getDecoder().decode(config.fingerprintKey()));
    }
}
