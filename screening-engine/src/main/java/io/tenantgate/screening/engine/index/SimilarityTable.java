package io.tenantgate.screening.engine.index;

import java.util.Arrays;

/**
 * Per-thread table of the token similarities found while looking up one query: (query unit, vocabulary
 * word) to score. Open addressing; cleared in time proportional to what the last query stored.
 */
final class SimilarityTable {

    private static final long EMPTY = -1L;

    private long[] keys = new long[1024];
    private double[] values = new double[1024];
    private int[] used = new int[512];
    private int size;

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[used[i]] = EMPTY;
        }
        size = 0;
    }

    SimilarityTable() {
        Arrays.fill(keys, EMPTY);
    }

    void put(int queryUnit, int word, double score) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long key = key(queryUnit, word);
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            used[size++] = slot;
        }
        values[slot] = score;
    }

    /** The stored score, 0 when the lookup found no similarity. */
    double get(int queryUnit, int word) {
        long key = key(queryUnit, word);
        int slot = slotOf(key);
        return keys[slot] == key ? values[slot] : 0.0;
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        int[] oldUsed = used;
        int oldSize = size;
        keys = new long[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        used = new int[oldKeys.length];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            long key = oldKeys[oldUsed[i]];
            int slot = slotOf(key);
            keys[slot] = key;
            values[slot] = oldValues[oldUsed[i]];
            used[size++] = slot;
        }
    }

    private static long key(int queryUnit, int word) {
        return ((long) queryUnit << 32) | word;
    }
}
