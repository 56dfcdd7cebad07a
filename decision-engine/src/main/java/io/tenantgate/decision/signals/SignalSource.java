package io.tenantgate.decision.signals;

/** Where a country observed about a customer comes from. */
public enum SignalSource {
    /** A declared address: the customer says so. */
    ADDRESS(false),
    /** The issuing state of an identity document. */
    DOCUMENT(true),
    /** The issuing country of a card or bank account. */
    PAYMENT(true),
    /** Where an access came from, by IP address: VPNs and cloud egress defeat it. */
    IP(false);

    private final boolean issuedByAuthority;

    SignalSource(boolean issuedByAuthority) {
        this.issuedByAuthority = issuedByAuthority;
    }

    /** A document or a bank answers for it, so it outweighs what is typed in or merely observed. */
    public boolean issuedByAuthority() {
        return issuedByAuthority;
    }
}
