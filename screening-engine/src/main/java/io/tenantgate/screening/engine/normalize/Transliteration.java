package io.tenantgate.screening.engine.normalize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private Transliteration() {
    }

    static String toAscii(String text) {
        if (isAscii(text)) {
            return text;
        }
        String normalized = spaceHangulSyllables(NFKC.normalize(text));
        StringBuilder latin = new StringBuilder(normalized.length() * 3);
        if (WORDS.size() >= CACHED_WORDS) {
            WORDS.clear(); // a crude bound: words repeat across names, so the cache refills with the common ones
        }
        for (String word : normalized.split("\\s+")) {
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
