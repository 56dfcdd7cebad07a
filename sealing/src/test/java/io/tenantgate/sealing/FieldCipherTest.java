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
    void sealsUnderTheActiveKeyAndOpensInTheSameContext() {
        String sealed = cipher.seal("Ivan Petrov", "customer_case.profile");
        assertTrue(sealed.startsWith("v1:k1:"), sealed);
        assertFalse(sealed.contains("Ivan"));
        assertNotEquals(sealed, cipher.seal("Ivan Petrov", "customer_case.profile"), "a fresh nonce every time");
        assertEquals("Ivan Petrov", cipher.open(sealed, "customer_case.profile"));
        assertTrue(cipher.isCurrent(sealed));
    }

    @Test
    void aValueCopiedToAnotherColumnOrAlteredDoesNotOpen() {
        String sealed = cipher.seal("AB1234567", "document.number");
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "payment.number"));
        String prefix = "v1:k1:";
        byte[] body = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        for (int i = 0; i < body.length; i++) { // every byte counts: nonce, ciphertext and tag
            byte[] altered = body.clone();
            altered[i] ^= 1;
            String tampered = prefix + Base64.getEncoder().encodeToString(altered);
            assertThrows(IllegalStateException.class, () -> cipher.open(tampered, "document.number"), "byte " + i);
        }
    }

    @Test
    void afterRotationOldValuesStillOpenAndAreDueForResealing() {
        String old = cipher.seal("old", "c");
        FieldCipher rotated = FieldCipher.fromConfig("k1:" + Base64.getEncoder().encodeToString(key(1))
                + ", k2:" + Base64.getEncoder().encodeToString(key(2)), "k2");
        assertEquals("old", rotated.open(old, "c"));
        assertFalse(rotated.isCurrent(old));
        assertTrue(rotated.seal("new", "c").startsWith("v1:k2:"));
        FieldCipher withoutOldKey = new FieldCipher(Map.of("k2", key(2)), "k2");
        assertThrows(IllegalStateException.class, () -> withoutOldKey.open(old, "c"));
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
