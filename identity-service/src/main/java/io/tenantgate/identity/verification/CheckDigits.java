package io.tenantgate.identity.verification;

/** The check-digit algorithms used by documents and payment numbers. */
public final class CheckDigits {

    private static final int[] ICAO_WEIGHTS = {7, 3, 1};

    private CheckDigits() {
    }

    /**
     * ICAO 9303 part 3 check digit: digits keep their value, A-Z count 10-35, the filler '<' counts 0,
     * weighted 7, 3, 1 repeating, sum modulo 10.
     */
    public static char icao(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += icaoValue(field.charAt(i)) * ICAO_WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    /** Luhn (ISO/IEC 7812) over a string of digits, check digit included. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static int icaoValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: '" + c + "'");
    }
}
