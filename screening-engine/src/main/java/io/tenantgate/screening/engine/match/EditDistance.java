package io.tenantgate.screening.engine.match;

/**
 * Bounded Damerau-Levenshtein (optimal string alignment) distance. Words of up to 64 characters, all names'
 * words in practice, are compared bit-parallel (Hyyrö's algorithm: one column of the distance table per
 * machine word), longer ones with the diagonal band of the table.
 */
public final class EditDistance {

    /** Reused buffers, so the hot path allocates nothing. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        private int[][] rows = new int[3][64];
        private char[] word = new char[64];
        /** Per ASCII character, the positions of the first word where it occurs; cleared after each use. */
        private final long[] positions = new long[128];
    }

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

    /** The distance between a and b, or max + 1 when it exceeds max. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        Buffers buffers = BUFFERS.get();
        if (buffers.word.length < b.length()) {
            buffers.word = new char[b.length()];
        }
        b.getChars(0, b.length(), buffers.word, 0);
        return distance(a, buffers.word, 0, b.length(), max, buffers);
    }

    /** The same, the second word being {@code lb} characters of {@code chars} from {@code offset}. */
    public static int distance(String a, char[] chars, int offset, int lb, int max) {
        return Math.abs(a.length() - lb) > max ? max + 1 : distance(a, chars, offset, lb, max, BUFFERS.get());
    }

    private static int distance(String a, char[] chars, int offset, int lb, int max, Buffers buffers) {
        return a.length() <= Long.SIZE
                ? Math.min(bitParallel(a, chars, offset, lb, buffers.positions), max + 1)
                : banded(a, chars, offset, lb, max, buffers);
    }

    /**
     * Hyyrö (2003), "A bit-vector algorithm for computing Levenshtein and Damerau edit distances": bit i of
     * the vertical deltas is the change of the table's column down row i, each text character updates
     * them all at once, and the last row's value is tracked on the way. {@code a} has at most 64 characters.
     */
    private static int bitParallel(String a, char[] chars, int offset, int lb, long[] positions) {
        int la = a.length();
        if (la == 0) {
            return lb;
        }
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            if (c < positions.length) {
                positions[c] |= 1L << i;
            }
        }
        long last = 1L << (la - 1);
        long verticalPlus = -1L;
        long verticalMinus = 0;
        long diagonalZero = 0;
        long previousMatches = 0;
        int distance = la;
        for (int j = 0; j < lb; j++) {
            long matches = matchesOf(a, chars[offset + j], positions);
            long transposed = ((~diagonalZero & matches) << 1) & previousMatches;
            diagonalZero = (((matches & verticalPlus) + verticalPlus) ^ verticalPlus) | matches | verticalMinus
                    | transposed;
            long horizontalPlus = verticalMinus | ~(diagonalZero | verticalPlus);
            long horizontalMinus = diagonalZero & verticalPlus;
            distance += (horizontalPlus & last) != 0 ? 1 : (horizontalMinus & last) != 0 ? -1 : 0;
            horizontalPlus = (horizontalPlus << 1) | 1;
            verticalPlus = (horizontalMinus << 1) | ~(diagonalZero | horizontalPlus);
            verticalMinus = diagonalZero & horizontalPlus;
            previousMatches = matches;
        }
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            if (c < positions.length) {
                positions[c] = 0;
            }
        }
        return distance;
    }

    private static long matchesOf(String a, char c, long[] positions) {
        if (c < positions.length) {
            return positions[c];
        }
        long matches = 0;
        for (int i = 0; i < a.length(); i++) {
            matches |= a.charAt(i) == c ? 1L << i : 0;
        }
        return matches;
    }

    /**
     * Only the diagonal band |i - j| <= max of the table can hold distances up to max, so only it is computed;
     * stops as soon as a row exceeds max.
     */
    private static int banded(String a, char[] chars, int offset, int lb, int max, Buffers buffers) {
        int la = a.length();
        int outside = max + 1;
        if (buffers.rows[0].length <= lb) {
            buffers.rows = new int[][]{new int[lb + 1], new int[lb + 1], new int[lb + 1]};
        }
        int[][] rows = buffers.rows;
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
                char cb = chars[offset + j - 1];
                int value = previous[j - 1] + (ca == cb ? 0 : 1);
                value = Math.min(value, Math.min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && ca == chars[offset + j - 2] && a.charAt(i - 2) == cb) {
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
