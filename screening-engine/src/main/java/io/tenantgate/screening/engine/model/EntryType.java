package io.tenantgate.screening.engine.model;

import java.util.Locale;

/** What a list entry designates. BIS and State Department rows carry no type: {@link #UNKNOWN}. */
public enum EntryType {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT, ADDRESS, UNKNOWN;

    /** Parses the type words used by the CSL, the SDN file and the internal list; blank is unknown. */
    public static EntryType parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "individual", "person" -> INDIVIDUAL;
            case "entity", "organization", "organisation", "company", "-0-" -> ENTITY;
            case "vessel" -> VESSEL;
            case "aircraft" -> AIRCRAFT;
            case "address" -> ADDRESS;
            default -> throw new IllegalArgumentException("unknown entry type: " + text);
        };
    }

    /** True when a query of this type and an entry of {@code other} cannot be the same kind of party. */
    public boolean conflictsWith(EntryType other) {
        if (this == UNKNOWN || other == UNKNOWN || this == other) {
            return false;
        }
        return this == INDIVIDUAL || other == INDIVIDUAL;
    }
}
