package io.tenantgate.decision.signals;

/** How a single verification check ended. */
public enum CheckOutcome {
    PASS,
    FAIL,
    /** The check had nothing to look at (no document, no phone given, ...): neither evidence for nor against. */
    NOT_APPLICABLE
}
