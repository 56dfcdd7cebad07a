package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.normalize.NameScript;

/**
 * A token, or two adjacent tokens read as one word so that "AL QAEDA" meets "ALQAEDA". {@code mask} has a
 * bit per token position covered; {@code weight} is the sum of their weights; {@code script} is the writing
 * the word was romanised from; {@code letters} has a bit per letter used, {@code squeezed} is the text with
 * doubled letters written once; {@code length} is the text's, kept here because scoring reads it for every
 * pair of words and the text of a list word is one more object to fetch from memory.
 */
public record Unit(String text, String phoneticKey, double weight, long mask, boolean joined, boolean hasDigit,
                   boolean strong, NameScript script, int letters, String squeezed, int length) {

    public Unit(String text, String phoneticKey, double weight, long mask, boolean joined, boolean hasDigit,
                boolean strong, NameScript script) {
        this(text, phoneticKey, weight, mask, joined, hasDigit, strong, script, lettersOf(text),
                TokenSimilarity.squeezed(text), text.length());
    }

    /** One bit per letter A-Z that occurs: a cheap test that two words cannot be a few edits apart. */
    public static int lettersOf(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letters |= 1 << (c - 'A');
            }
        }
        return letters;
    }
}
