package io.tenantgate.screening.engine.match;

/** The similarity of unit {@code queryUnit} of the query to unit {@code listUnit} of one list name. */
@FunctionalInterface
public interface PairSimilarity {
    double of(int queryUnit, int listUnit);
}
