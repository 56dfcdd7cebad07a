package io.tenantgate.screening.engine.index;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An immutable multimap from int hashes to int ids: an open-addressing table of the distinct hashes, each
 * slot pointing at its run of ids in one array. O(1) lookups for the deletion-variant table.
 */
final class HashPostings {

    private static final int EMPTY = -1;
    private static final int SLOT = 4;
    private static final int START = 1;
    private static final int END = 2;

    /** Per slot, side by side so one probe reads one cache line: hash, start, end of its run of ids. */
    private final int[] slots;
    private final int[] ids;
    private final int mask;

    /** {@code pairs} holds (hash << 32) | id, in any order, duplicates allowed. */
    HashPostings(long[] pairs) {
        long[] sorted = Arrays.stream(pairs).sorted().distinct().toArray();
        int runs = 0;
        for (int i = 0; i < sorted.length; i++) {
            runs += i == 0 || hashOf(sorted[i]) != hashOf(sorted[i - 1]) ? 1 : 0;
        }
        int capacity = Integer.highestOneBit(Math.max(1, runs) * 2) * 2;
        mask = capacity - 1;
        slots = new int[capacity * SLOT];
        for (int slot = 0; slot < capacity; slot++) {
            slots[slot * SLOT + START] = EMPTY;
        }
        ids = new int[sorted.length];
        for (int start = 0; start < sorted.length; ) {
            int hash = hashOf(sorted[start]);
            int end = start;
            while (end < sorted.length && hashOf(sorted[end]) == hash) {
                ids[end] = (int) sorted[end];
                end++;
            }
            int slot = slotOf(hash) * SLOT;
            slots[slot] = hash;
            slots[slot + START] = start;
            slots[slot + END] = end;
            start = end;
        }
    }

    void forEach(int hash, IntConsumer sink) {
        int slot = slotOf(hash) * SLOT;
        int start = slots[slot + START];
        if (start != EMPTY) {
            int end = slots[slot + END];
            for (int i = start; i < end; i++) {
                sink.accept(ids[i]);
            }
        }
    }

    /** The slot holding {@code hash}, or the empty slot where it would go. */
    private int slotOf(int hash) {
        int slot = mix(hash) & mask;
        while (slots[slot * SLOT + START] != EMPTY && slots[slot * SLOT] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hashOf(long pair) {
        return (int) (pair >>> 32);
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
