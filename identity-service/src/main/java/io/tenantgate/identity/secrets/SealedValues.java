package io.tenantgate.identity.secrets;

/**
 * The sealed columns, as the cipher names them; with the row's id they are the associated data, so a value copied
 * into another column or another row does not open there.
 */
public final class SealedValues {

    public static final String CASE_PROFILE = "customer_case.profile";
    public static final String DOCUMENT_NUMBER = "identity_document.number";
    public static final String DOCUMENT_MRZ = "identity_document.mrz";
    public static final String PAYMENT_IDENTIFIER = "payment_instrument.identifier";
    /** A webhook signing secret, current or previous: one context, since rotation moves a value between the two. */
    public static final String WEBHOOK_SECRET = "webhook_subscription.secret";

    private SealedValues() {
    }
}
