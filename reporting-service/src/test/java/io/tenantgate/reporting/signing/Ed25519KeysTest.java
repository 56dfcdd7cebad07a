package io.tenantgate.reporting.signing;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ed25519KeysTest {

    @Test
    void aSignatureVerifiesOnlyForTheSamePayload() {
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys keys = new Ed25519Keys("k1", pair.getPrivate(), pair.getPublic(), Map.of());
        String signature = keys.sign("{\"contentHash\":\"abc\"}");

        assertTrue(keys.verify("{\"contentHash\":\"abc\"}", signature, "k1").valid());
        assertFalse(keys.verify("{\"contentHash\":\"abd\"}", signature, "k1").valid());
        assertEquals("unknown key id 'k9'", keys.verify("{\"contentHash\":\"abc\"}", signature, "k9").detail());
    }

    @Test
    void reportsSignedBeforeARotationStillVerifyWithTheOldPublicKey() {
        KeyPair old = Ed25519Keys.generate();
        Ed25519Keys before = new Ed25519Keys("2025", old.getPrivate(), old.getPublic(), Map.of());
        String signature = before.sign("payload");

        KeyPair fresh = Ed25519Keys.generate();
        String oldPublic = Base64.getEncoder().encodeToString(old.getPublic().getEncoded());
        String freshPrivate = Base64.getEncoder().encodeToString(fresh.getPrivate().getEncoded());
        Ed25519Keys after = new Ed25519Keys("2026", Ed25519Keys.privateKey(freshPrivate), fresh.getPublic(),
                Map.of("2025", Ed25519Keys.publicKey(oldPublic)));

        assertTrue(after.verify("payload", signature, "2025").valid());
        assertFalse(after.verify("payload", signature, "2026").valid());
        assertEquals("2026", after.currentKeyId());
    }

    @Test
    void aPublicKeyThatDoesNotBelongToTheSigningKeyIsRefused() {
        KeyPair a = Ed25519Keys.generate();
        KeyPair b = Ed25519Keys.generate();
        assertThrows(IllegalArgumentException.class, () -> new Ed25519Keys("k", a.getPrivate(), b.getPublic(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.privateKey("not base64!"));
    }
}
