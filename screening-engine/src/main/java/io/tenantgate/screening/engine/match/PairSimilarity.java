package io.tenantgate.screening.engine.match;

/**
 * The similarities of the units of a query to the units of one list name, written all at once: one call
 * per list name, so the scorer's loop over word pairs makes no call whose target varies.
 */
@FunctionalInterface
public interface PairSimilarity {

    /** Writes the similarity of query unit i to list unit j into {@code scores[i * listUnits + j]}. */
    void fill(double[] scores, int queryUnits, int listUnits);
}
