package io.tenantgate.identity.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs deliveries as the Standard Webhooks specification asks: {@code webhook-signature} is
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with the base64 part of a {@code whsec_} secret;
 * while a secret is being rotated the header carries one signature per secret, separated by a space, so a
 * receiver with either verifies.
 */
public final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for one message under every given secret. */
    public static String signature(String messageId, long timestampSeconds, String body, List<String> secrets) {
        String signed = messageId + "." + timestampSeconds + "." + body;
        return secrets.stream().map(secret -> "v1," + hmac(secret, signed)).collect(Collectors.joining(" "));
    }

    private static String hmac(String secret, String message) {
        String encodedKey = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
