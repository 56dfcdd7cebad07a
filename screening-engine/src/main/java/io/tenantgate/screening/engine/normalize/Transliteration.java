package io.tenantgate.screening.engine.normalize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Brings any script to plain ASCII Latin with ICU: NFKC, then {@code Any-Latin; Latin-ASCII}, which
 * transliterates Cyrillic, Arabic, Han (pinyin), Greek, Hebrew, Hangul and others and drops diacritics.
 */
final class Transliteration {

    private static final String RULES = "Any-Latin; Latin-ASCII";
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /** ICU transliterators are not thread-safe and costly to create: one per thread. */
    private static final ThreadLocal<Transliterator> TRANSLITERATOR =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(RULES));
    private static final int CACHED_WORDS = 100_000;
    private static final Map<String, String> WORDS = new ConcurrentHashMap<>();
    private static final char FIRST_HANGUL_SYLLABLE = '\uAC00';
    private static final char LAST_HANGUL_SYLLABLE = '\uD7A3';
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Transliteration() {
    }

    static String toAscii(String text) {
        return toAscii(text, false);
    }

    /**
     * {@code personalName}: the text is a person's name. Chinese and Korean personal names are then kept
     * word by word as they are written ("秀玉 陳" is XIUYU CHEN, "김정은" is KIM JONGUN): the syllables of
     * one written word form one given name, which the list may write run together or split ("Jong Un",
     * "Jong-un", "Jongun"; the scorer reads two list words as one). A name written as one word is a surname
     * of one syllable and a given name. Otherwise every syllable is a word, as company names need
     * ("有限公司" is YOU XIAN GONG SI).
     */
    static String toAscii(String text, boolean personalName) {
        if (isAscii(text)) {
            return text;
        }
        String nfkc = NFKC.normalize(text);
        if (personalName && isCjkPersonalName(nfkc)) {
            return cjkPersonalName(nfkc);
        }
        String normalized = spaceHangulSyllables(nfkc);
        StringBuilder latin = new StringBuilder(normalized.length() * 3);
        if (WORDS.size() >= CACHED_WORDS) {
            WORDS.clear(); // a crude bound: words repeat across names, so the cache refills with the common ones
        }
        for (String word : WHITESPACE.split(normalized)) {
            latin.append(isAscii(word) ? word : WORDS.computeIfAbsent(word, Transliteration::romanise)).append(' ');
        }
        return latin.toString();
    }

    /** Words repeat across names (surnames, given names), and ICU takes tens of microseconds per name. */
    private static String romanise(String word) {
        String romanised = TRANSLITERATOR.get().transliterate(word);
        return hasHangul(word) ? asNamesAreWritten(romanised) : romanised;
    }

    /**
     * ICU romanises Hangul by the Revised Romanization (gim, bak, jeong, eun); Korean names on lists mostly
     * follow McCune-Reischauer habits (Kim, Pak, Jong, Un): voiceless initials, EO as O, EU as U.
     */
    private static String asNamesAreWritten(String syllable) {
        String written = syllable.replace("eo", "o").replace("eu", "u");
        if (written.startsWith("g")) {
            return "k" + written.substring(1);
        }
        return written.startsWith("b") ? "p" + written.substring(1) : written;
    }

    private static boolean hasHangul(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_HANGUL_SYLLABLE && c <= LAST_HANGUL_SYLLABLE) {
                return true;
            }
        }
        return false;
    }

    private static final int MIN_CJK_GIVEN_NAME = 1;
    private static final int MAX_ONE_WORD_NAME = 4;

    /** Only Han characters or Hangul syllables and spaces. */
    private static boolean isCjkPersonalName(String text) {
        boolean any = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script != Character.UnicodeScript.HAN && !(c >= FIRST_HANGUL_SYLLABLE && c <= LAST_HANGUL_SYLLABLE)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static String cjkPersonalName(String text) {
        String[] words = WHITESPACE.split(text.strip());
        StringBuilder latin = new StringBuilder(text.length() * 4);
        for (String word : words) {
            int[] syllables = word.codePoints().toArray();
            // one word of two to four characters is surname and given name: 习近平, 김정은
            int surname = words.length == 1 && syllables.length > MIN_CJK_GIVEN_NAME
                    && syllables.length <= MAX_ONE_WORD_NAME ? 1 : 0;
            for (int s = 0; s < syllables.length; s++) {
                String syllable = new String(Character.toChars(syllables[s]));
                latin.append(WORDS.computeIfAbsent(syllable, Transliteration::romanise).strip());
                if (s + 1 == surname) {
                    latin.append(' ');
                }
            }
            latin.append(' ');
        }
        return latin.toString();
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Korean names are romanised syllable by syllable ("Kim Jong Un"); ICU runs the syllables of a word
     * together ("gimjeongeun"), so each syllable becomes its own token here.
     */
    private static String spaceHangulSyllables(String text) {
        StringBuilder spaced = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hangul = c >= FIRST_HANGUL_SYLLABLE && c <= LAST_HANGUL_SYLLABLE;
            if (hangul && spaced == null) {
                spaced = new StringBuilder(text.length() * 2).append(text, 0, i);
            }
            if (spaced != null) {
                spaced.append(c);
                if (hangul) {
                    spaced.append(' ');
                }
            }
        }
        return spaced == null ? text : spaced.toString();
    }
}
