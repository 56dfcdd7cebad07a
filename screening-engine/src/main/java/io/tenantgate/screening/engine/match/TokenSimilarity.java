package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.normalize.NameScript;

/**
 * Similarity of two name tokens, 0 when they are not plausibly the same word. Non-zero only for equal
 * words, an initial and its word, and, between strong words, the allowed edit distance or equal phonetic
 * keys. The candidate index relies on exactly these relations to find every pair this scores above zero.
 */
public final class TokenSimilarity {

    /** An initial agrees with a word but is far weaker evidence than the word itself. */
    static final double INITIAL_SCORE = 0.75;
    static final double PHONETIC_SCORE = 0.9;
    /** Below this Jaro-Winkler, Latin words with one skeleton are different names (BARROS, PREZAS). */
    private static final double PHONETIC_MIN_JARO_WINKLER = 0.85;
    private static final int MIN_KEY_LENGTH = 3;
    private static final int MIN_JOINED_KEY_LENGTH = 4;
    private static final int CLOSE_LENGTH = 1;

    private TokenSimilarity() {
    }

    /** The best relation between two units; two words run together compare whole or by phonetic key. */
    public static double score(Unit a, Unit b) {
        if (a.text().equals(b.text())) {
            return 1.0;
        }
        int la = a.text().length();
        int lb = b.text().length();
        if (la == 1 || lb == 1) {
            return la != lb && a.text().charAt(0) == b.text().charAt(0) ? INITIAL_SCORE : 0.0;
        }
        if (!a.strong() || !b.strong() || a.hasDigit() || b.hasDigit()
                || a.script() == NameScript.LOGOGRAPHIC || b.script() == NameScript.LOGOGRAPHIC) {
            return 0.0; // legal forms, stopwords, numbers and romanised characters must be spelled alike
        }
        double phonetic = phoneticallyEqual(a, b) ? PHONETIC_SCORE : 0.0;
        if (a.joined() || b.joined()) {
            return phonetic;
        }
        int edits = EditDistance.allowedEdits(Math.min(la, lb));
        double edit = edits > 0 && EditDistance.within(a.text(), b.text(), edits)
                ? JaroWinkler.similarity(a.text(), b.text()) : 0.0;
        return Math.max(edit, phonetic);
    }

    static MatchMethod method(Unit a, Unit b, double score) {
        if (score == 1.0) {
            return MatchMethod.EXACT;
        }
        if (a.text().length() == 1 || b.text().length() == 1) {
            return MatchMethod.INITIAL;
        }
        return score == PHONETIC_SCORE && phoneticallyEqual(a, b) ? MatchMethod.PHONETIC : MatchMethod.EDIT;
    }

    /**
     * Equal consonant skeletons. A single word transliterated from Arabic or Hebrew lacks most vowels, so
     * for it the skeleton and the first consonant are the evidence (MHMD, MOHAMED). Other words must also
     * have about the same length and look alike: PUTIN and POTANIN, or MEYER and MURRAY, share a skeleton
     * but are different names.
     */
    private static boolean phoneticallyEqual(Unit a, Unit b) {
        String key = a.phoneticKey();
        if (key.isEmpty() || !key.equals(b.phoneticKey())) {
            return false;
        }
        boolean joined = a.joined() || b.joined();
        if (!joined && (a.script() == NameScript.ABJAD || b.script() == NameScript.ABJAD)) {
            return firstConsonant(a.text()) == firstConsonant(b.text());
        }
        if (key.length() < (joined ? MIN_JOINED_KEY_LENGTH : MIN_KEY_LENGTH)
                || Math.abs(a.text().length() - b.text().length()) > CLOSE_LENGTH
                || (joined && a.text().charAt(0) != b.text().charAt(0))) {
            return false;
        }
        return JaroWinkler.similarity(a.text(), b.text()) >= PHONETIC_MIN_JARO_WINKLER;
    }

    private static char firstConsonant(String word) {
        for (int i = 0; i < word.length(); i++) {
            if ("AEIOUY".indexOf(word.charAt(i)) < 0) {
                return word.charAt(i);
            }
        }
        return 0;
    }
}
