package io.tenantgate.screening.engine.index;

import java.util.Arrays;

/** A growable list of ints, to build postings without boxing. */
final class IntList {

    private int[] values = new int[4];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Adds unless the value equals the last one added: postings are built in ascending order. */
    void addDistinct(int value) {
        if (size == 0 || values[size - 1] != value) {
            add(value);
        }
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
