package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.Countries;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * HMAC-SHA256 fingerprints of normalised document and payment numbers. Keyed so that a leaked fingerprint
 * table cannot be reversed by hashing every possible card or passport number.
 */
public final class IdentityFingerprinter {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final String keyId;
    private final SecretKeySpec key;

    public IdentityFingerprinter(String keyId, byte[] key) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (key == null || key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the fingerprint key needs at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The key fingerprints are made under now; fingerprints under another key are made again (see the re-keying job). */
    public String keyId() {
        return keyId;
    }

    /**
     * @param issuingCountry ISO alpha-2; required for documents (numbers repeat across countries), ignored otherwise
     */
    public Fingerprint fingerprint(IdentifierKind kind, String issuingCountry, String number) {
        Objects.requireNonNull(number, "number");
        String normalised = kind.normalise(number);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("nothing to fingerprint once normalised");
        }
        String scope = kind.scopedByCountry() ? Countries.normalise(issuingCountry).orElseThrow(
                () -> new IllegalArgumentException(kind + " fingerprints need the issuing country")) : "";
        // the kind and scope are part of the message: a card number never collides with an equal document number
        return new Fingerprint(kind, keyId, hmac(kind.name() + "|" + scope + "|" + normalised));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac instances are not thread-safe: one per call
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }
}
