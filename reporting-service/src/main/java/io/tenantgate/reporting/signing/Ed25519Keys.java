package io.tenantgate.reporting.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ed25519 signatures (JDK built-in) with one current signing key and the public keys of earlier ones,
 * each known by its id: a signature names its key id, so reports signed before a rotation still verify.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private final String currentKeyId;
    private final PrivateKey currentKey;
    private final Map<String, PublicKey> publicKeys;

    public Ed25519Keys(String currentKeyId, PrivateKey currentKey, PublicKey currentPublicKey,
                       Map<String, PublicKey> earlierKeys) {
        this.currentKeyId = currentKeyId;
        this.currentKey = currentKey;
        if (!verifyWith(currentPublicKey, "probe", sign("probe"))) {
            throw new IllegalArgumentException("the public key of " + currentKeyId + " does not belong to the signing key");
        }
        Map<String, PublicKey> all = new HashMap<>(earlierKeys);
        all.put(currentKeyId, currentPublicKey);
        this.publicKeys = Map.copyOf(all);
    }

    /** The JDK cannot derive an Ed25519 public key from the private one, so both are configured. */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no Ed25519", e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The public key of the given id, base64 X.509, for those who verify elsewhere. */
    public Optional<String> publicKeyBase64(String keyId) {
        return Optional.ofNullable(publicKeys.get(keyId)).map(k -> Base64.getEncoder().encodeToString(k.getEncoded()));
    }

    /** Signs the UTF-8 bytes of the payload with the current key; base64 signature. */
    public String sign(String payload) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(currentKey);
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The outcome of checking a signature. */
    public Verification verify(String payload, String signatureBase64, String keyId) {
        PublicKey key = publicKeys.get(keyId);
        if (key == null) {
            return new Verification(false, "unknown key id '" + keyId + "'");
        }
        try {
            boolean valid = verifyWith(key, payload, signatureBase64);
            return new Verification(valid, valid ? "valid signature by key " + keyId : "signature does not match the content");
        } catch (IllegalArgumentException e) {
            return new Verification(false, "malformed signature: " + e.getMessage());
        }
    }

    private static boolean verifyWith(PublicKey key, String payload, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public record Verification(boolean valid, String detail) {
    }
}
