package io.tenantgate.screening.engine.index;

/** A fact that agreed (positive weight) or conflicted (negative weight) between the query and the entry. */
public record FactEvidence(String fact, String queryValue, String listValue, double weight) {

    /** A listed e-mail, phone, wallet or long document number the party uses: the same party whatever its name. */
    public boolean conclusive() {
        return weight >= FactScorer.CONCLUSIVE_ID;
    }
}
