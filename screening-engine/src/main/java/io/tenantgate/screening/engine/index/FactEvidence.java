package io.tenantgate.screening.engine.index;

/** A fact that agreed (positive weight) or conflicted (negative weight) between the query and the entry. */
public record FactEvidence(String fact, String queryValue, String listValue, double weight) {
}
