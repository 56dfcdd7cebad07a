package io.tenantgate.decision.person;

/** US person or foreign person in the sense of EO 13984: the CIP applies to foreign persons. */
public enum PersonStatus {
    /** US citizen, lawful permanent resident, or entity organised under US law. */
    US_PERSON,
    FOREIGN_PERSON,
    /** Not declared, not corroborated, or contradicted: a person must look. */
    UNDETERMINED
}
