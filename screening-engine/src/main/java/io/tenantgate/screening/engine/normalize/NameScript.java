package io.tenantgate.screening.engine.normalize;

/** The kind of writing a name came in, which decides how loosely its romanisation may be compared. */
public enum NameScript {
    /** Latin, Cyrillic, Greek, Hangul, kana and other phonetic scripts: spelling variants are expected. */
    ALPHABETIC,
    /** Arabic, Hebrew: vowels mostly unwritten, so only the consonant skeleton is reliable. */
    ABJAD,
    /** Chinese characters: each romanised syllable is a distinct character, never a typo. */
    LOGOGRAPHIC;

    static NameScript of(String text) {
        NameScript found = ALPHABETIC;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (Character.UnicodeScript.of(c)) {
                case HAN -> {
                    return LOGOGRAPHIC;
                }
                case ARABIC, HEBREW -> found = ABJAD;
                default -> {
                }
            }
        }
        return found;
    }

    /**
     * Chinese, Japanese or Korean: each syllable romanises to a short word that may look like a Western
     * stopword or particle (DE, BIN, AN), so none are treated as weak.
     */
    static boolean isSyllabic(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
        });
    }
}
