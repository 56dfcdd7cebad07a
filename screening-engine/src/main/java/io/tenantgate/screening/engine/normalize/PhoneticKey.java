package io.tenantgate.screening.engine.normalize;

/**
 * A consonant skeleton that survives the usual transliteration variants: vowels (and Y, W) are dropped,
 * because abjad scripts (Arabic, Hebrew) do not write them and romanisations disagree on them; voiced
 * and voiceless pairs merge (B/P, D/T, G/K, V/F, Z/S); digraphs collapse (KH, PH, TH, SH, ZH, CH);
 * X becomes KS; doubled consonants count once. MOHAMMED, MUHAMMAD and MHMD all give "MHMT".
 */
public final class PhoneticKey {

    /** Shorter skeletons match too many unrelated words to count as evidence. */
    public static final int MIN_LENGTH = 2;
    /** Tokens shorter than this get no phonetic key. */
    private static final int MIN_TOKEN_LENGTH = 3;

    private PhoneticKey() {
    }

    /** The key of an upper case ASCII token, or "" when it is too short or contains digits. */
    public static String of(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            return "";
        }
        StringBuilder key = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char next = i + 1 < token.length() ? token.charAt(i + 1) : ' ';
            if (c >= '0' && c <= '9') {
                return "";
            }
            if (next == 'H' && isDigraphHead(c)) {
                append(key, digraph(c));
                i++;
                continue;
            }
            if (c == 'X') {
                append(key, 'K');
                append(key, 'S');
                continue;
            }
            char mapped = map(c, next);
            if (mapped != 0) {
                append(key, mapped);
            }
        }
        return key.length() < MIN_LENGTH ? "" : key.toString();
    }

    private static boolean isDigraphHead(char c) {
        return c == 'K' || c == 'P' || c == 'T' || c == 'S' || c == 'Z' || c == 'C' || c == 'G' || c == 'D';
    }

    private static char digraph(char head) {
        return switch (head) {
            case 'K', 'G' -> 'K';
            case 'P' -> 'F';
            case 'T', 'D' -> 'T';
            case 'S', 'Z' -> 'S';
            default -> 'C'; // CH
        };
    }

    private static char map(char c, char next) {
        return switch (c) {
            case 'A', 'E', 'I', 'O', 'U', 'Y', 'W' -> 0;
            case 'B', 'P' -> 'P';
            case 'D', 'T' -> 'T';
            case 'G', 'K', 'Q' -> 'K';
            case 'C' -> next == 'E' || next == 'I' || next == 'Y' ? 'S' : 'K';
            case 'V', 'F' -> 'F';
            case 'Z', 'S' -> 'S';
            case 'J' -> 'J';
            default -> c;
        };
    }

    private static void append(StringBuilder key, char c) {
        if (key.length() == 0 || key.charAt(key.length() - 1) != c) {
            key.append(c);
        }
    }
}
