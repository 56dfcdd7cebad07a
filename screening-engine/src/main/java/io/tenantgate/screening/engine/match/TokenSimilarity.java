package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.normalize.GivenNames;
import io.tenantgate.screening.engine.normalize.NameScript;

/**
 * Similarity of two name tokens, 0 when they are not plausibly the same word. Non-zero only for equal
 * words, an initial and its word, and, between strong words, the allowed edit distance, equal phonetic
 * keys or a given name and its nickname. The candidate index relies on exactly these relations to find
 * every pair this scores above zero.
 */
public final class TokenSimilarity {

    static final double SECOND_EDIT_COST = 0.05;
    /** Two edits in a word of six or seven letters change a third of it (ROGERS, ROBERT): a weaker tie. */
    static final double SECOND_EDIT_COST_SHORT_WORD = 0.08;
    private static final int SHORT_FOR_TWO_EDITS = 8;
    /** An initial agrees with a word but is far weaker evidence than the word itself. */
    static final double INITIAL_SCORE = 0.75;
    /** Same skeleton, similar spelling: a transliteration variant, or a different name that sounds alike. */
    static final double PHONETIC_SCORE = 0.9;
    /** Same skeleton as an Arabic or Hebrew word written without vowels: about all such a word can show. */
    static final double UNVOCALISED_PHONETIC_SCORE = 0.92;
    /**
     * Given names that differ only in the grammatical gender ending: ANTONIO and ANTONIA, DANIEL and DANIELA,
     * IVANOV and IVANOVA. One letter apart, but they name a man and a woman.
     */
    static final double GENDER_VARIANT_SCORE = 0.75;
    private static final int MIN_GENDER_VARIANT_STEM = 4;
    /**
     * Words whose first sounds differ (TERRY and JERRY, WAYNE and JAYNE, HARPER and CARPER) are nearly
     * always different names: the start of a name is what spelling and transliteration vary least.
     */
    static final double DIFFERENT_FIRST_SOUND_SCORE = 0.75;
    /**
     * A given name and one of its nicknames or short forms (WILLIAM, BILL; SAMUEL, SAM): often the same person,
     * but weaker than a spelling variant, as a short form stands for several names (SAM: SAMUEL, SAMANTHA).
     */
    static final double NICKNAME_SCORE = 0.8;
    /** Words that differ only in doubled letters (HASSAN, HASAN; UUN, UN): a spelling habit or a typo. */
    static final double DOUBLED_LETTER_SCORE = 0.95;
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
        // length and letter set first: they settle most pairs without reading either text
        if (a.length() == b.length() && a.letters() == b.letters() && a.text().equals(b.text())) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 1 || lb == 1) {
            return initialScore(la, a.text().charAt(0), lb, b.text().charAt(0));
        }
        if (!a.strong() || !b.strong() || a.hasDigit() || b.hasDigit()
                || a.script() == NameScript.LOGOGRAPHIC || b.script() == NameScript.LOGOGRAPHIC) {
            return 0.0; // legal forms, stopwords, numbers and romanised characters must be spelled alike
        }
        double spelling = strongWordScore(a, b, la, lb);
        return isNickname(a, b) ? Math.max(spelling, NICKNAME_SCORE) : spelling;
    }

    private static boolean isNickname(Unit a, Unit b) {
        return !a.joined() && !b.joined() && GivenNames.areNicknameRelated(a.text(), b.text());
    }

    /** Two different strong words: by spelling and sound. */
    private static double strongWordScore(Unit a, Unit b, int la, int lb) {
        boolean joined = a.joined() || b.joined();
        if (!joined && a.letters() == b.letters() && a.squeezed().equals(b.squeezed())) {
            return Math.max(DOUBLED_LETTER_SCORE, JaroWinkler.similarity(a.text(), b.text())); // JOONG, JONG; UUN, UN
        }
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
        if (differentFirstSounds(a.text(), b.text())) {
            return Math.min(DIFFERENT_FIRST_SOUND_SCORE, Math.max(jaroWinkler - secondEditCost(distance, Math.min(la, lb)),
                    phonetic));
        }
        if (distance == 1 && genderVariants(a.text(), b.text())) {
            return Math.min(GENDER_VARIANT_SCORE, Math.max(jaroWinkler, phonetic));
        }
        // two edits are a weaker tie than one, whatever Jaro-Winkler says of the pair
        return Math.max(jaroWinkler - secondEditCost(distance, Math.min(la, lb)), phonetic);
    }

    /**
     * What two different words score when one is a single letter: an initial and a word it may abbreviate,
     * or nothing. All that a word neither strong nor equal can score against another. A single digit is no
     * initial: numbers are spelled alike or not at all.
     */
    public static double initialScore(int lengthA, char firstA, int lengthB, char firstB) {
        return (lengthA == 1 || lengthB == 1) && lengthA != lengthB && firstA == firstB && Character.isLetter(firstA)
                ? INITIAL_SCORE : 0.0;
    }

    private static double secondEditCost(int distance, int shorterLength) {
        if (distance <= 1) {
            return 0.0;
        }
        return shorterLength < SHORT_FOR_TWO_EDITS ? SECOND_EDIT_COST_SHORT_WORD : SECOND_EDIT_COST;
    }

    /** The word with runs of one letter written once: HASSAN is HASAN. */
    public static String squeezed(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                StringBuilder out = new StringBuilder(word.length()).append(word, 0, i);
                for (int j = i; j < word.length(); j++) {
                    if (word.charAt(j) != word.charAt(j - 1)) {
                        out.append(word.charAt(j));
                    }
                }
                return out.toString();
            }
        }
        return word;
    }

    /**
     * The masculine and feminine form of one name: a final A against a final O (ANTONIO, ANTONIA), or a
     * final A added to a consonant (DANIEL, DANIELA; PETROV, PETROVA).
     */
    static boolean genderVariants(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            char x = a.charAt(la - 1);
            char y = b.charAt(lb - 1);
            return la > MIN_GENDER_VARIANT_STEM && ((x == 'A' && y == 'O') || (x == 'O' && y == 'A'))
                    && a.regionMatches(0, b, 0, la - 1);
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int ls = shorter.length();
        return longer.length() == ls + 1 && ls >= MIN_GENDER_VARIANT_STEM && longer.charAt(ls) == 'A'
                && "AEIOUY".indexOf(shorter.charAt(ls - 1)) < 0 && longer.startsWith(shorter);
    }

    static MatchMethod method(Unit a, Unit b, double score) {
        if (score == 1.0) {
            return MatchMethod.EXACT;
        }
        if (a.length() == 1 || b.length() == 1) {
            return MatchMethod.INITIAL;
        }
        if (score == NICKNAME_SCORE && isNickname(a, b)) {
            return MatchMethod.NICKNAME;
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
                || Math.abs(a.length() - b.length()) > CLOSE_LENGTH
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

    /**
     * The class of a word's first sound: any vowel; B/P; D/T (TH); G/K/Q/hard C (KH, GH); soft C/S/Z/SH/SCH;
     * F/V/W (PH); J/Y; others themselves. Transliterations swap within a class (Yusuf, Jusuf; Wladimir,
     * Vladimir; Kadhafi, Gaddafi), rarely across.
     */
    static boolean differentFirstSounds(String a, String b) {
        if (firstSound(a) == firstSound(b)) {
            return false;
        }
        // a dropped leading vowel is a typo, not another name: INVIDIA, NVIDIA
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        if (longer.length() == shorter.length() + 1 && firstSound(longer) == 'A'
                && firstSound(longer.substring(1)) == firstSound(shorter)) {
            return false;
        }
        // so are two letters swapped where the first sound is read: CAHRMING, CHARMING
        return !(swappedAt(a, b, 0) || swappedAt(a, b, 1));
    }

    /** The same word but for the letters at {@code i} and {@code i + 1}, which are swapped. */
    private static boolean swappedAt(String a, String b, int i) {
        return a.length() == b.length() && a.length() > i + 1 && a.charAt(i) == b.charAt(i + 1)
                && a.charAt(i + 1) == b.charAt(i) && a.regionMatches(0, b, 0, i)
                && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
    }

    static char firstSound(String word) {
        char c = word.charAt(0);
        char next = word.length() > 1 ? word.charAt(1) : ' ';
        return switch (c) {
            case 'A', 'E', 'I', 'O', 'U' -> 'A';
            case 'B', 'P' -> next == 'H' && c == 'P' ? 'F' : 'P';
            case 'D', 'T' -> 'T';
            case 'G', 'K', 'Q' -> 'K';
            case 'C' -> next == 'E' || next == 'I' || next == 'Y' ? 'S' : next == 'H' ? 'C' : 'K';
            case 'S', 'Z' -> 'S'; // SH and SCH too: SHEINBAUM, STEINBAUM; SCHELL, SHELL
            case 'F', 'V', 'W' -> 'F';
            case 'J', 'Y' -> 'J';
            default -> c;
        };
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
