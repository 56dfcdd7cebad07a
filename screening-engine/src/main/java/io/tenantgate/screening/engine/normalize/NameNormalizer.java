package io.tenantgate.screening.engine.normalize;

import io.tenantgate.screening.engine.model.EntryType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises names for comparison: transliteration to ASCII Latin, upper case, punctuation removed
 * (apostrophes join, other marks split), "SURNAME, Given" put in reading order, dotted initials joined
 * ("A.B.C." is "ABC"), look-alike digits inside words read as letters, legal forms canonicalised, and
 * every token classified as strong, weak or initial. Stateless and thread-safe.
 */
public final class NameNormalizer {

    private static final char AYN = '\u02BF';
    private static final Pattern DOT_RUNS = Pattern.compile("\\.{2,}");

    private NameNormalizer() {
    }

    /**
     * {@code type} says whether a comma may separate surname and given names (not for organisations) and
     * whether legal forms apply (not for individuals: "SA" is also a surname); UNKNOWN allows both.
     */
    public static NormalizedName normalize(String name, EntryType type) {
        boolean organisation = type == EntryType.ENTITY || type == EntryType.VESSEL || type == EntryType.AIRCRAFT;
        boolean individual = type == EntryType.INDIVIDUAL;
        // zero-width spaces and joiners, soft hyphens, direction marks: invisible, so never a word break
        String visible = hasFormatCharacter(name) ? FORMAT_CHARACTERS.matcher(name).replaceAll("") : name;
        String ascii = Transliteration.toAscii(visible, individual).toUpperCase(Locale.ROOT);
        boolean syllabic = NameScript.isSyllabic(name);
        List<String> words = NumberWords.toDigits(tokenize(organisation ? ascii : inReadingOrder(ascii)));
        if (!syllabic) {
            words = arabicServantNames(words);
        }
        List<String> legalForms = new ArrayList<>();
        List<String> canonical = individual ? words : canonicalLegalForms(words, legalForms);
        // a repeated word is usually a source writing it twice; in a Chinese or Korean name written in its
        // own script it is a second syllable that happens to romanise alike (洋 杨, YANG YANG)
        boolean everySyllable = individual && syllabic;
        java.util.Collection<String> distinct = everySyllable ? new ArrayList<>(canonical.size())
                : new LinkedHashSet<>(canonical.size());
        for (String word : canonical) {
            distinct.add(Vocabulary.isWeak(word) ? word : slavicAdjectiveEnding(finalYAsI(word)));
        }
        List<NameToken> tokens = new ArrayList<>(distinct.size());
        for (String word : distinct) {
            tokens.add(new NameToken(word, kindOf(word, individual, syllabic), PhoneticKey.of(word)));
        }
        return new NormalizedName(name, tokens, legalForms, NameScript.of(name), everySyllable, organisation);
    }

    private static final java.util.regex.Pattern FORMAT_CHARACTERS = java.util.regex.Pattern.compile("\\p{Cf}+");

    /** A scan without allocation: nearly no name has one, and every screened name passes here. */
    private static boolean hasFormatCharacter(String name) {
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (Character.getType(codePoint) == Character.FORMAT) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static final java.util.Set<String> ARABIC_ARTICLES = java.util.Set.of("AL", "EL", "UL", "AR", "AS", "AD",
            "AN", "AT", "AZ", "ASH", "ATH", "ADH", "ADD", "ASS");
    private static final java.util.Set<String> ABDUL_SPELLINGS = java.util.Set.of("ABDEL", "ABDAL", "ABDOUL",
            "ABDOL", "ABDIL", "ABDULL");

    /**
     * "Servant of" names: ABD AL-AZIZ, ABD AR-RAHMAN, ABD AZIZ, ABDEL AZIZ and ABDUL AZIZ are one name
     * written apart or together, with the article assimilated, dropped or not; all become ABDUL and the
     * following name.
     */
    private static List<String> arabicServantNames(List<String> words) {
        List<String> result = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean abd = word.equals("ABD") || word.equals("ABDU");
            if (abd || ABDUL_SPELLINGS.contains(word)) {
                if (result == null) {
                    result = new ArrayList<>(words.subList(0, i));
                }
                result.add("ABDUL");
                i += abd && i + 2 < words.size() && ARABIC_ARTICLES.contains(words.get(i + 1)) ? 1 : 0;
            } else if (result != null) {
                result.add(word);
            }
        }
        return result == null ? words : result;
    }

    /**
     * The Slavic adjectival ending (-ский, -ський, -cki) is romanised SKIY, SKYY, SKIJ, SKII or SKY:
     * ZELENSKYY, ZELENSKIJ and ZELENSKIY are ZELENSKI.
     */
    private static String slavicAdjectiveEnding(String word) {
        int n = word.length();
        if (n < 6) {
            return word;
        }
        for (String ending : SLAVIC_ENDINGS) {
            if (word.endsWith(ending)) {
                char before = word.charAt(n - ending.length() - 1);
                if (before == 'S' || before == 'C' || before == 'Z') {
                    return word.substring(0, n - ending.length()) + "KI";
                }
            }
        }
        return word;
    }

    private static final List<String> SLAVIC_ENDINGS = List.of("KIY", "KYY", "KIJ", "KII", "KYI", "KIJ", "KY");

    /**
     * "PUTIN, Vladimir Vladimirovich" becomes "Vladimir Vladimirovich PUTIN". Only one comma and no legal
     * form after it: "ANGLO-CARIBBEAN CO., LTD." is left alone.
     */
    private static String inReadingOrder(String name) {
        int comma = name.indexOf(',');
        if (comma <= 0 || comma != name.lastIndexOf(',')) {
            return name;
        }
        String given = name.substring(comma + 1).strip();
        if (given.isEmpty() || tokenize(given).stream().anyMatch(Vocabulary::isLegalForm)) {
            return name;
        }
        return given + " " + name.substring(0, comma);
    }

    private static List<String> tokenize(String typed) {
        // a doubled dot is a slip of the keyboard: "S..A.R.L." is S.A.R.L.
        String text = typed.contains("..") ? DOT_RUNS.matcher(typed).replaceAll(".") : typed;
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                cleaned.append(c);
            } else if (c == '&') {
                cleaned.append(" AND ");
            } else if (c == AYN && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                cleaned.append('A'); // a word-initial ayn is written as a vowel: 'Ali, 'Abd
            } else if (c == '.' && isDottedInitial(text, i)) {
                continue; // "A.B.C." reads as ABC
            } else if (!isApostrophe(c) && !(c >= 0x80 && Character.isLetter(c))) {
                cleaned.append(' '); // letters transliteration left behind (schwa, ...) are dropped, not split on
            }
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cleaned.length(); i++) {
            if (i == cleaned.length() || cleaned.charAt(i) == ' ') {
                if (i > start) {
                    words.add(readDigitsAsLetters(cleaned.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return joinedLetterPairs(words);
    }

    /**
     * Single letters joined by AND or "&" ("M&P", "H and M") abbreviate a name and read as one word, as
     * dotted initials do: left as initials, a name like "M&P Trading Inc." has no strong word at all.
     */
    private static List<String> joinedLetterPairs(List<String> words) {
        List<String> result = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (isLetter(word) && andLetterAt(words, i + 1)) {
                if (result == null) {
                    result = new ArrayList<>(words.subList(0, i));
                }
                StringBuilder joined = new StringBuilder(word);
                for (; andLetterAt(words, i + 1); i += 2) {
                    joined.append(words.get(i + 2));
                }
                result.add(joined.toString());
            } else if (result != null) {
                result.add(word);
            }
        }
        return result == null ? words : result;
    }

    private static boolean andLetterAt(List<String> words, int at) {
        return at + 1 < words.size() && words.get(at).equals("AND") && isLetter(words.get(at + 1));
    }

    private static boolean isLetter(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    /** A dot between two single letters, as in "A.B.C.". */
    private static boolean isDottedInitial(String text, int dot) {
        boolean singleBefore = dot >= 1 && Character.isLetter(text.charAt(dot - 1))
                && (dot < 2 || !Character.isLetterOrDigit(text.charAt(dot - 2)));
        boolean letterAfter = dot + 2 < text.length() && Character.isLetter(text.charAt(dot + 1))
                && text.charAt(dot + 2) == '.';
        return singleBefore && letterAfter;
    }

    /** Apostrophes, including the ʿayn and hamza marks left by Arabic transliteration, join: O'BRIEN is OBRIEN. */
    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '`' || c == '\u2019' || c == '\u2018' || c == '\u02BF' || c == '\u02BE'
                || c == '\u02BC' || c == '\u00B4';
    }

    /** "IG0R SECH1N": a word of mostly letters with a few digits is a typing variant of letters; "7TH" is not. */
    private static String readDigitsAsLetters(String word) {
        if (NumberWords.isOrdinal(word)) {
            return word;
        }
        int digits = 0;
        for (int i = 0; i < word.length(); i++) {
            digits += Character.isDigit(word.charAt(i)) ? 1 : 0;
        }
        if (digits == 0 || digits * 3 > word.length()) {
            return word;
        }
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '0' -> 'O';
                case '1' -> 'I';
                case '3' -> 'E';
                case '4' -> 'A';
                case '5' -> 'S';
                case '7' -> 'T';
                case '8' -> 'B';
                default -> chars[i];
            };
        }
        return new String(chars);
    }

    /** Final Y and I after a consonant are one sound written two ways: DMITRY, DMITRI; ALY, ALI. */
    private static String finalYAsI(String word) {
        int last = word.length() - 1;
        if (last >= 2 && word.charAt(last) == 'Y' && "AEIOUY".indexOf(word.charAt(last - 1)) < 0
                && Character.isLetter(word.charAt(last - 1))) {
            return word.substring(0, last) + 'I';
        }
        return word;
    }

    private static List<String> canonicalLegalForms(List<String> words, List<String> legalForms) {
        List<String> result = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            Map.Entry<List<String>, String> phrase = phraseAt(words, i);
            if (phrase == null) {
                String word = Vocabulary.legalFormSpelledAs(words.get(i++));
                if (Vocabulary.isLegalForm(word)) {
                    legalForms.add(word);
                }
                result.add(word);
                continue;
            }
            for (String canonical : phrase.getValue().split(" ")) {
                result.add(canonical);
                legalForms.add(canonical);
            }
            i += phrase.getKey().size();
        }
        return result;
    }

    private static Map.Entry<List<String>, String> phraseAt(List<String> words, int start) {
        // a short one-word form ("ZAO", "AO") only at either end: inside a name it is a word, e.g. a pinyin
        // syllable; COMPANY or LIMITED is a legal form anywhere
        boolean atEdge = start == 0 || start + 1 == words.size();
        for (Map.Entry<List<String>, String> phrase : Vocabulary.LEGAL_FORM_PHRASES.getOrDefault(words.get(start), List.of())) {
            List<String> parts = phrase.getKey();
            if ((parts.size() > 1 || atEdge || parts.get(0).length() > SHORT_FORM_LENGTH) && phraseAt(words, start, parts)) {
                return phrase;
            }
        }
        for (Map.Entry<List<String>, String> phrase : OrganisationTypes.PHRASES.getOrDefault(words.get(start), List.of())) {
            if (phraseAt(words, start, phrase.getKey())) {
                return phrase;
            }
        }
        for (Map.Entry<List<String>, String> phrase : Vocabulary.MISSPELLABLE_PHRASES) {
            if (phraseAt(words, start, phrase.getKey())) {
                return phrase;
            }
        }
        return null;
    }

    /** The words of a legal form, made as an organisation name's words are (for {@link OrganisationTypes}). */
    static List<String> legalFormWords(String form) {
        return tokenize(Transliteration.toAscii(form).toUpperCase(Locale.ROOT));
    }

    private static final int SHORT_FORM_LENGTH = 3;

    /** The words of a legal form phrase from {@code start}, its long words possibly misspelled. */
    private static boolean phraseAt(List<String> words, int start, List<String> parts) {
        if (start + parts.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!Vocabulary.phraseWordMatches(words.get(start + i), parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static TokenKind kindOf(String word, boolean individual, boolean syllabic) {
        if ((!individual && Vocabulary.isLegalForm(word)) || (!syllabic && Vocabulary.isStopwordOrParticle(word))) {
            return TokenKind.WEAK;
        }
        if (syllabic && word.length() == 1) {
            return TokenKind.WEAK; // a bare-vowel syllable (Korean 이 as "I") is romanised too many ways to count
        }
        return word.length() == 1 && Character.isLetter(word.charAt(0)) ? TokenKind.INITIAL : TokenKind.STRONG;
    }
}
