package io.tenantgate.screening.engine.match;

import java.util.Arrays;

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 prefix characters), allocation-free for short words. */
public final class JaroWinkler {

    private static final int MAX_PREFIX = 4;
    private static final double PREFIX_SCALE = 0.1;
    private static final int STACK_LIMIT = 64;
    /** Reused match flags, so scoring short words allocates nothing. */
    private static final ThreadLocal<boolean[]> MATCHED_A = ThreadLocal.withInitial(() -> new boolean[STACK_LIMIT]);
    private static final ThreadLocal<boolean[]> MATCHED_B = ThreadLocal.withInitial(() -> new boolean[STACK_LIMIT]);

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > STACK_LIMIT || lb > STACK_LIMIT) {
            return jaroWinkler(a, b, new boolean[la], new boolean[lb]);
        }
        return jaroWinkler(a, b, MATCHED_A.get(), MATCHED_B.get());
    }

    private static double jaroWinkler(String a, String b, boolean[] matchedA, boolean[] matchedB) {
        int la = a.length();
        int lb = b.length();
        Arrays.fill(matchedA, 0, la, false);
        Arrays.fill(matchedB, 0, lb, false);
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int end = Math.min(lb, i + window + 1);
            for (int j = Math.max(0, i - window); j < end; j++) {
                if (!matchedB[j] && b.charAt(j) == c) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(MAX_PREFIX, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
    }
}
