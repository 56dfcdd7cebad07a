package io.tenantgate.screening.engine.match;

/** Bounded Damerau-Levenshtein (optimal string alignment) distance. */
public final class EditDistance {

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

    /** True when the distance between a and b is at most max; stops as soon as it cannot be. */
    public static boolean within(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return false;
        }
        int[] previous2 = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return false;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[lb] <= max;
    }
}
