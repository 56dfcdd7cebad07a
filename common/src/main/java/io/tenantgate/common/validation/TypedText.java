package io.tenantgate.common.validation;

/** Checks of text from outside for code that validates without Bean Validation. */
public final class TypedText {

    private TypedText() {
    }

    /** What {@link NoControlCharacters} refuses: {@code \p{Cntrl}}, U+0000 to U+001F and U+007F. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
