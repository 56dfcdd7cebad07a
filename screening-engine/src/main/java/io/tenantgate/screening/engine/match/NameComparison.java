package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.model.EntryType;
import java.util.Locale;

/** Pair evaluation: how well {@code name1} (the query) matches {@code name2} (the listed name), in [0, 1]. */
public final class NameComparison {

    private NameComparison() {
    }

    /**
     * {@code schemaHint} is a FollowTheMoney-style schema ("Person", "Company", "Vessel", ...) or null; it
     * tells whether a comma may separate surname and given names.
     */
    public static double score(String name1, String name2, String schemaHint) {
        EntryType type = typeOf(schemaHint);
        return NameScorer.score(ComparableName.of(name1, type), ComparableName.of(name2, type));
    }

    public static EntryType typeOf(String schemaHint) {
        if (schemaHint == null || schemaHint.isBlank()) {
            return EntryType.UNKNOWN;
        }
        return switch (schemaHint.strip().toLowerCase(Locale.ROOT)) {
            case "person", "individual" -> EntryType.INDIVIDUAL;
            case "company", "organization", "organisation", "legalentity", "entity" -> EntryType.ENTITY;
            case "vessel" -> EntryType.VESSEL;
            case "airplane", "aircraft" -> EntryType.AIRCRAFT;
            default -> EntryType.UNKNOWN;
        };
    }
}
