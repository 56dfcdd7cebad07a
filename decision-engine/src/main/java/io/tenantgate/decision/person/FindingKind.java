package io.tenantgate.decision.person;

public enum FindingKind {
    /** A signal contradicts the declared status or country. */
    SIGNAL_CONFLICT,
    /** A declared US status that nothing corroborates. */
    NOT_CORROBORATED,
    /** A US entity owned (at or above the threshold) or controlled by foreign persons. */
    FOREIGN_CONTROL,
    /** An owner whose country was not declared. */
    OWNER_COUNTRY_UNKNOWN
}
