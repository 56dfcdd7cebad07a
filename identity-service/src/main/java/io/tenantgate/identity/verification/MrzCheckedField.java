package io.tenantgate.identity.verification;

/**
 * A stretch of the MRZ protected by a check digit.
 *
 * @param name          what the digit protects ("document number", "composite", ...)
 * @param covered       the characters the digit is computed over
 * @param checkDigit    the digit printed on the document
 * @param fillerAllowed whether an all-filler field may carry '<' instead of a digit (optional data)
 */
public record MrzCheckedField(String name, String covered, char checkDigit, boolean fillerAllowed) {

    public char expectedDigit() {
        return CheckDigits.icao(covered);
    }

    public boolean valid() {
        if (fillerAllowed && checkDigit == '<' && covered.chars().allMatch(c -> c == '<')) {
            return true;
        }
        return checkDigit == expectedDigit();
    }
}
