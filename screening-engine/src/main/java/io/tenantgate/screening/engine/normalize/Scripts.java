package io.tenantgate.screening.engine.normalize;

/** Which writing systems a name uses, where that changes how its romanisation must be read. */
final class Scripts {

    private Scripts() {
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
