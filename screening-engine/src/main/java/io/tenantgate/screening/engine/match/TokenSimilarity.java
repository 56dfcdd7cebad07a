package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.normalize.NameScript;

/**
 * Similarity of two name tokens, 0 when they are not plausibly the same word. Non-zero only for equal
 * words, an initial and its word, and, between strong words, the allowed edit distance or equal phonetic
 * keys. The candidate index relies on exactly these relations to find every pair this scores above zero.
 */
public final class TokenSimilarity {

    static final double SECOND_EDIT_COST = 0.05;
    /** An initial agrees with a word but is far weaker evidence than the word itself. */
    static final double INITIAL_SCORE = 0.75;
    /** Same skeleton, similar spelling: a transliteration variant, or a different name that sounds alike. */
    static final double PHONETIC_SCORE = 0.9;
    /** Same skeleton as an Arabic or Hebrew word written without vowels: about all such a word can show. */
    static final double UNVOCALISED_PHONETIC_SCORE = 0.92;
    /** Below this Jaro-Winkler, Latin words with one skeleton are different names (BARROS, PREZAS). */
    private static final double PHONETIC_MIN_JARO_WINKLER = 0.8;
    /** Words run together share skeletons by chance more often: they must look more alike. */
    private static final double JOINED_PHONETIC_MIN_JARO_WINKLER = 0.92;
    private static final int MIN_KEY_LENGTH = 3;
    private static final int MIN_JOINED_KEY_LENGTH = 4;
    /** Latin words compare phonetically only when their lengths differ by at most this much. */
    public static final int CLOSE_LENGTH = 1;

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
        boolean joined = a.joined() || b.joined();
        Skeleton skeleton = skeleton(a, b, joined);
        int edits = joined ? 0 : EditDistance.allowedEdits(Math.min(la, lb));
        // each edit changes at most two letters of the set of letters used
        boolean mayBeClose = edits > 0 && Integer.bitCount(a.letters() ^ b.letters()) <= 2 * edits;
        int distance = mayBeClose ? EditDistance.distance(a.text(), b.text(), edits) : edits + 1;
        boolean closeSpelling = distance <= edits;
        double jaroWinkler = closeSpelling || skeleton == Skeleton.LOOKALIKE
                ? JaroWinkler.similarity(a.text(), b.text()) : 0.0;
        double phonetic = phoneticScore(skeleton, jaroWinkler, joined);
        if (!closeSpelling) {
            return phonetic;
        }
        // two edits are a weaker tie than one, whatever Jaro-Winkler says of the pair
        return Math.max(jaroWinkler - (distance > 1 ? SECOND_EDIT_COST : 0.0), phonetic);
    }

    static MatchMethod method(Unit a, Unit b, double score) {
        if (score == 1.0) {
            return MatchMethod.EXACT;
        }
        if (a.text().length() == 1 || b.text().length() == 1) {
            return MatchMethod.INITIAL;
        }
        boolean joined = a.joined() || b.joined();
        double phonetic = phoneticScore(skeleton(a, b, joined), JaroWinkler.similarity(a.text(), b.text()), joined);
        return score > 0 && score == phonetic ? MatchMethod.PHONETIC : MatchMethod.EDIT;
    }

    /** What equal consonant skeletons say about two words, before their spelling is compared. */
    private enum Skeleton { DIFFERENT, UNVOCALISED, LOOKALIKE }

    /**
     * Equal consonant skeletons. A single word transliterated from Arabic or Hebrew lacks most vowels, so
     * for it the skeleton and the first consonant are the evidence (MHMD, MOHAMED). Other words must also
     * have about the same length and, checked by the caller, look alike: PUTIN and POTANIN, or MEYER and
     * MURRAY, share a skeleton but are different names.
     */
    private static Skeleton skeleton(Unit a, Unit b, boolean joined) {
        String key = a.phoneticKey();
        if (key.isEmpty() || !key.equals(b.phoneticKey())) {
            return Skeleton.DIFFERENT;
        }
        if (!joined && (writtenWithoutVowels(a) || writtenWithoutVowels(b))) {
            return firstConsonant(a.text()) == firstConsonant(b.text()) ? Skeleton.UNVOCALISED : Skeleton.DIFFERENT;
        }
        if (key.length() < (joined ? MIN_JOINED_KEY_LENGTH : MIN_KEY_LENGTH)
                || Math.abs(a.text().length() - b.text().length()) > CLOSE_LENGTH
                || (joined && a.text().charAt(0) != b.text().charAt(0))) {
            return Skeleton.DIFFERENT;
        }
        return Skeleton.LOOKALIKE;
    }

    private static double phoneticScore(Skeleton skeleton, double jaroWinkler, boolean joined) {
        return switch (skeleton) {
            case UNVOCALISED -> UNVOCALISED_PHONETIC_SCORE;
            case LOOKALIKE -> jaroWinkler >= (joined ? JOINED_PHONETIC_MIN_JARO_WINKLER : PHONETIC_MIN_JARO_WINKLER)
                    ? PHONETIC_SCORE : 0.0;
            case DIFFERENT -> 0.0;
        };
    }

    /** An Arabic or Hebrew word romanised as written: no vowel after its first letter ("MHMD", "ABD"). */
    private static boolean writtenWithoutVowels(Unit unit) {
        if (unit.script() != NameScript.ABJAD) {
            return false;
        }
        String text = unit.text();
        for (int i = 1; i < text.length(); i++) {
            if ("AEIOU".indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the word's key may match the same key of any word: long enough, or the word is of Arabic or
     * Hebrew script. Other short keys match only single words of those scripts.
     */
    public static boolean mayMatchPhonetically(Unit unit) {
        int length = unit.phoneticKey().length();
        if (unit.joined()) {
            return length >= MIN_JOINED_KEY_LENGTH;
        }
        return length >= MIN_KEY_LENGTH || (length > 0 && unit.script() == NameScript.ABJAD);
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
