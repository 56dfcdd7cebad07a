package io.tenantgate.suite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A well-formed token for the realm, with the right issuer, audience and roles, signed by a key Keycloak never had: a
 * service must refuse it, and, since its key id is unknown, it makes the service look for new keys at Keycloak.
 */
final class ForgedToken {

    private ForgedToken() {
    }

    static String signedByStranger(String issuer) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"stranger\",\"azp\":\"onboarding-demo\",\"aud\":\"identity-service\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"onboarding\"]}}";
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(stranger.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64(signature.sign());
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
