package io.tenantgate.screening.engine.normalize;

/** One normalised word of a name, with its phonetic key (empty when too short to be evidence). */
public record NameToken(String text, TokenKind kind, String phoneticKey) {

    public double weight() {
        return kind.weight();
    }

    /**
     * Numbers ("44", "2004", roman "II") identify numbered funds, vessels and subsidiaries: only exact
     * equality counts.
     */
    public boolean hasDigit() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return NumberWords.isRomanNumeral(text);
    }
}
