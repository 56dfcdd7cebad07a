package io.tenantgate.decision.risk;

public enum Decision {
    APPROVED,
    /** An analyst must look: potential list match, risk above the review threshold. */
    REVIEW,
    REJECTED,
    /** Required data is missing: ask the customer. */
    PENDING_INFO,
    /** Not every party could be screened yet: retried, never approved meanwhile. */
    PENDING_SCREENING
}
