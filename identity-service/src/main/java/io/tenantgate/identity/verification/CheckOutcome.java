package io.tenantgate.identity.verification;

/** How a single verification check ended. */
public enum CheckOutcome {
    PASS,
    FAIL,
    /** The check had nothing to look at (no document, no phone given, ...): neither evidence for nor against. */
    NOT_APPLICABLE
}
