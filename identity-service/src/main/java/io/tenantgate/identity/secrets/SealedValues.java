package io.tenantgate.identity.secrets;

/** The cipher contexts of sealed columns: a value copied into another column does not open there. */
public final class SealedValues {

    public static final String DOCUMENT_NUMBER = "identity_document.number";
    public static final String DOCUMENT_MRZ = "identity_document.mrz";
    public static final String PAYMENT_IDENTIFIER = "payment_instrument.identifier";

    private SealedValues() {
    }
}
