package io.tenantgate.screening.engine.index;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An immutable multimap from int hashes to int ids: an open-addressing table of the distinct hashes, each
 * slot pointing at its run of ids in one array. O(1) lookups for the deletion-variant table.
 * <p>
 * The table is far larger than a core's caches, so nearly every probe is a miss to memory. A slot is two ints
 * (the hash and where its run starts; a run begins with its length), and {@link #findAll} probes a whole batch
 * of hashes before reading any run, so that the misses of one word's variants overlap instead of queueing.
 */
final class HashPostings {

    private static final int EMPTY = -1;
    private static final int SLOT = 2;
    private static final int START = 1;

    /** Per slot, side by side: hash, start of its run in {@link #runs}. */
    private final int[] slots;
    /** Per distinct hash, its run: the number of ids, then the ids. */
    private final int[] runs;
    private final int mask;

    /** {@code pairs} holds (hash << 32) | id, in any order, duplicates allowed. */
    HashPostings(long[] pairs) {
        long[] sorted = Arrays.stream(pairs).sorted().distinct().toArray();
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            distinct += i == 0 || hashOf(sorted[i]) != hashOf(sorted[i - 1]) ? 1 : 0;
        }
        // at most three quarters full: probing for an absent hash, the common case, stays within a line or two
        int capacity = Integer.highestOneBit(distinct + distinct / 3) * 2;
        mask = capacity - 1;
        slots = new int[capacity * SLOT];
        for (int slot = 0; slot < capacity; slot++) {
            slots[slot * SLOT + START] = EMPTY;
        }
        runs = new int[sorted.length + distinct];
        int next = 0;
        for (int start = 0; start < sorted.length; ) {
            int hash = hashOf(sorted[start]);
            int end = start;
            while (end < sorted.length && hashOf(sorted[end]) == hash) {
                end++;
            }
            int slot = slotOf(hash) * SLOT;
            slots[slot] = hash;
            slots[slot + START] = next;
            runs[next++] = end - start;
            for (int i = start; i < end; i++) {
                runs[next++] = (int) sorted[i];
            }
            start = end;
        }
    }

    /**
     * Looks up the first {@code count} hashes at once: writes into {@code found} where each one's run starts,
     * or {@link #EMPTY}, for {@link #forEachInRun}.
     */
    void findAll(int[] hashes, int count, int[] found) {
        for (int i = 0; i < count; i++) {
            found[i] = slots[slotOf(hashes[i]) * SLOT + START];
        }
    }

    /** Every id of a run {@link #findAll} found; nothing for {@link #EMPTY}. */
    void forEachInRun(int run, IntConsumer sink) {
        if (run != EMPTY) {
            for (int i = run + 1, end = run + 1 + runs[run]; i < end; i++) {
                sink.accept(runs[i]);
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
