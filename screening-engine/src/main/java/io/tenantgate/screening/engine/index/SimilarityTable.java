package io.tenantgate.screening.engine.index;

import java.util.Arrays;

/**
 * Per-thread table of the token similarities found while looking up one query: (query unit, vocabulary
 * word) to score. Each list word the lookup met gets a row with one score per query unit; a word's row is
 * found by its id in two array reads, since scoring a candidate asks for every pair of its words and the
 * query's units, most of them absent. Cleared in constant time by a new stamp.
 */
final class SimilarityTable {

    private final int[] stamps;
    private final int[] rows;
    private int stamp;
    private int units;
    private int rowCount;
    private double[] scores = new double[1024];

    SimilarityTable(int vocabularySize) {
        stamps = new int[vocabularySize];
        rows = new int[vocabularySize];
    }

    /** Starts a query of {@code units} units; forgets every stored score. */
    void clear(int units) {
        if (++stamp == 0) { // wrapped around: old stamps could read as current
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        this.units = units;
        rowCount = 0;
    }

    void put(int queryUnit, int word, double score) {
        if (stamps[word] != stamp) {
            int start = rowCount * units;
            if (start + units > scores.length) {
                scores = Arrays.copyOf(scores, Math.max(scores.length * 2, start + units));
            }
            Arrays.fill(scores, start, start + units, 0.0);
            stamps[word] = stamp;
            rows[word] = rowCount++;
        }
        scores[rows[word] * units + queryUnit] = score;
    }

    /** The row of a word the lookup met, or -1. */
    int rowOf(int word) {
        return stamps[word] == stamp ? rows[word] : -1;
    }

    /** The stored score of a query unit in a word's row, 0 when the lookup found no similarity. */
    double score(int row, int queryUnit) {
        return scores[row * units + queryUnit];
    }
}
