package io.tenantgate.screening.engine.match;

/** Bounded Damerau-Levenshtein (optimal string alignment) distance. */
public final class EditDistance {

    /** Reused rows of the distance table, so the hot path allocates nothing. */
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][64]);

    private EditDistance() {
    }

    /**
     * How many edits a word of this length may carry and still be the same word. Short words must be
     * exact: one edit in a three-letter word is a different name.
     */
    public static int allowedEdits(int length) {
        if (length <= 3) {
            return 0;
        }
        return length <= 5 ? 1 : 2;
    }

    /** True when the distance between a and b is at most max. */
    public static boolean within(String a, String b, int max) {
        return distance(a, b, max) <= max;
    }

    /**
     * The distance between a and b, or max + 1 when it exceeds max. Only the diagonal band |i - j| <= max
     * of the table can hold such distances, so only it is computed; stops as soon as a row exceeds max.
     */
    public static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        int outside = max + 1;
        if (Math.abs(la - lb) > max) {
            return outside;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length <= lb) {
            rows = new int[][]{new int[lb + 1], new int[lb + 1], new int[lb + 1]};
            ROWS.set(rows);
        }
        int[] previous2 = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j <= max ? j : outside;
        }
        for (int i = 1; i <= la; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(lb, i + max);
            current[0] = i <= max ? i : outside;
            if (from > 1) {
                current[from - 1] = outside;
            }
            int rowMin = outside;
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int value = previous[j - 1] + (ca == cb ? 0 : 1);
                value = Math.min(value, Math.min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = Math.min(value, outside);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < lb) {
                current[to + 1] = outside;
            }
            if (rowMin > max) {
                return outside;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[lb], outside);
    }
}
