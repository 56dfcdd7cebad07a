package io.tenantgate.sealing;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * AES-256-GCM for personal data at rest. A sealed value names the key that sealed it
 * ({@code v2:<key id>:<base64 of nonce and ciphertext>}), so keys can rotate: new values use the active key,
 * old values stay readable while their key is configured, and {@link #isCurrent} finds what to re-seal. The
 * associated data binds each value to its column and its row: a value copied to another column or another row
 * does not open. Values of format v1 (bound to their column only) still open and are due for re-sealing.
 */
public final class FieldCipher {

    private static final String PREFIX = "v2:";
    private static final String COLUMN_BOUND_PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param keys        key id to 32-byte AES key; ids are letters, digits, '.', '_' or '-'
     * @param activeKeyId the key new values are sealed with
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("key id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
            }
            checked.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key '" + activeKeyId + "' is not among the configured keys "
                    + checked.keySet());
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Parses {@code id:base64key,id:base64key}, the form the keys take in configuration and Kubernetes Secrets.
     */
    public static FieldCipher fromConfig(String keyList, String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("each key must be written as id:base64 (got an entry without an id)");
            }
            try {
                keys.put(trimmed.substring(0, colon), Base64.getDecoder().decode(trimmed.substring(colon + 1)));
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("key '" + trimmed.substring(0, colon) + "' is not valid base64");
            }
        }
        return new FieldCipher(keys, activeKeyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * @param column what the value is ({@code table.column}, e.g. "identity_document.number")
     * @param row    the id of the row that holds it
     */
    public String seal(String plaintext, String column, String row) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, associatedData(column, row),
                plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
    }

    /** Opens a value sealed for this column and row; fails for a value altered, or moved from elsewhere. */
    public String open(String sealed, String column, String row) {
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("value sealed with key '" + keyId + "', which is not configured");
        }
        byte[] body = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + keyId.length() + 1));
        byte[] nonce = java.util.Arrays.copyOfRange(body, 0, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(body, NONCE_BYTES, body.length);
        String associated = sealed.startsWith(PREFIX) ? associatedData(column, row) : column;
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, associated, ciphertext), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String value) {
        return value != null && (value.startsWith(PREFIX) || value.startsWith(COLUMN_BOUND_PREFIX));
    }

    /** The prefix every value sealed now starts with; anything else is due for re-sealing. */
    public String currentPrefix() {
        return PREFIX + activeKeyId + ":";
    }

    /** True when the value is sealed with the active key, bound to its row; anything else is due for re-sealing. */
    public boolean isCurrent(String value) {
        return value != null && value.startsWith(currentPrefix());
    }

    private static String associatedData(String column, String row) {
        return column + '\u0000' + Objects.requireNonNull(row, "row");
    }

    private static String keyIdOf(String sealed) {
        // both formats' prefixes are three characters long
        int end = isSealed(sealed) ? sealed.indexOf(':', PREFIX.length()) : -1;
        if (end < 0) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return sealed.substring(PREFIX.length(), end);
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException tampered) {
            throw new IllegalStateException("sealed value failed authentication: altered, or sealed for another field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
