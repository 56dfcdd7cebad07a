package io.tenantgate.identity.verification;

/** The identifiers fingerprinted for duplicate-identity detection, each with how it is normalised. */
public enum IdentifierKind {
    /** Passport, national ID, incorporation certificate: numbers are unique per issuing country only. */
    DOCUMENT(true, true),
    CARD(false, false),
    BANK_ACCOUNT(false, false),
    /** Wallet addresses are case-sensitive in several encodings (base58), so their case is kept. */
    CRYPTO_WALLET(false, false) {
        @Override
        String normalise(String value) {
            return value.replaceAll("\\s", "");
        }
    };

    private final boolean scopedByCountry;
    private final boolean ignoresPunctuation;

    IdentifierKind(boolean scopedByCountry, boolean ignoresPunctuation) {
        this.scopedByCountry = scopedByCountry;
        this.ignoresPunctuation = ignoresPunctuation;
    }

    public boolean scopedByCountry() {
        return scopedByCountry;
    }

    /** Upper case without spaces, dashes, dots or MRZ filler, so typing variants fingerprint alike. */
    String normalise(String value) {
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        return ignoresPunctuation ? upper.replaceAll("[^A-Z0-9]", "") : upper.replaceAll("[\\s.\\-<]", "");
    }
}
