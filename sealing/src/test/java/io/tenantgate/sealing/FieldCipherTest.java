package io.tenantgate.sealing;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed + i);
        }
        return key;
    }

    private final FieldCipher cipher = new FieldCipher(Map.of("k1", key(1)), "k1");

    @Test
    void sealsUnderTheActiveKeyAndOpensInTheSameColumnAndRow() {
        String sealed = cipher.seal("Ivan Petrov", "customer_case.profile", "case-1");
        assertTrue(sealed.startsWith("v2:k1:"), sealed);
        assertFalse(sealed.contains("Ivan"));
        assertNotEquals(sealed, cipher.seal("Ivan Petrov", "customer_case.profile", "case-1"), "a fresh nonce every time");
        assertEquals("Ivan Petrov", cipher.open(sealed, "customer_case.profile", "case-1"));
        assertTrue(cipher.isCurrent(sealed));
    }

    @Test
    void aValueCopiedToAnotherColumnOrRowOrAlteredDoesNotOpen() {
        String sealed = cipher.seal("AB1234567", "identity_document.number", "doc-1");
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "payment_instrument.identifier", "doc-1"));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "identity_document.number", "doc-2"));
        String prefix = "v2:k1:";
        byte[] body = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        for (int i = 0; i < body.length; i++) { // every byte counts: nonce, ciphertext and tag
            byte[] altered = body.clone();
            altered[i] ^= 1;
            String tampered = prefix + Base64.getEncoder().encodeToString(altered);
            assertThrows(IllegalStateException.class, () -> cipher.open(tampered, "identity_document.number", "doc-1"), "byte " + i);
        }
    }

    @Test
    void afterRotationOldValuesStillOpenAndAreDueForResealing() {
        String old = cipher.seal("old", "c", "r");
        FieldCipher rotated = FieldCipher.fromConfig("k1:" + Base64.getEncoder().encodeToString(key(1))
                + ", k2:" + Base64.getEncoder().encodeToString(key(2)), "k2");
        assertEquals("old", rotated.open(old, "c", "r"));
        assertFalse(rotated.isCurrent(old));
        assertTrue(rotated.seal("new", "c", "r").startsWith("v2:k2:"));
        FieldCipher withoutOldKey = new FieldCipher(Map.of("k2", key(2)), "k2");
        assertThrows(IllegalStateException.class, () -> withoutOldKey.open(old, "c", "r"));
    }

    /** Values sealed before row binding (v1: the column only) still open, and are due for re-sealing. */
    @Test
    void columnBoundValuesOfTheFirstFormatStillOpenAndAreDueForResealing() throws Exception {
        byte[] nonce = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key(1), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        aes.updateAAD("identity_document.number".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] ciphertext = aes.doFinal("AB1234567".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String v1 = "v1:k1:" + Base64.getEncoder().encodeToString(
                java.nio.ByteBuffer.allocate(12 + ciphertext.length).put(nonce).put(ciphertext).array());

        assertTrue(FieldCipher.isSealed(v1));
        assertEquals("AB1234567", cipher.open(v1, "identity_document.number", "any row"));
        assertFalse(cipher.isCurrent(v1), "v1 is not bound to its row: re-seal it");
        assertThrows(IllegalStateException.class, () -> cipher.open(v1, "payment_instrument.identifier", "any row"));
    }

    @Test
    void badKeyConfigurationIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k1", new byte[16]), "k1"));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k 1", key(1)), "k 1"));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k1", key(1)), "k2"));
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.fromConfig("k1:not base64!", "k1"));
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.fromConfig("nokey", "k1"));
        assertFalse(FieldCipher.isSealed("plain text"));
    }
}
