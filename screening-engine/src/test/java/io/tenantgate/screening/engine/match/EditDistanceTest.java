package io.tenantgate.screening.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void knownDistances() {
        assertThat(EditDistance.distance("LUKASHENKO", "LUKASHNKO", 2)).isEqualTo(1);
        assertThat(EditDistance.distance("HUSAIN", "HUSIAN", 2)).isEqualTo(1); // a transposition is one edit
        assertThat(EditDistance.distance("SUHANI", "SHAHIN", 2)).isEqualTo(3); // beyond max: max + 1
        assertThat(EditDistance.distance("", "ABC", 5)).isEqualTo(3);
        assertThat(EditDistance.distance("ABC", "", 1)).isEqualTo(2);
        assertThat(EditDistance.within("ALEXANDR", "ALEXANDER", 1)).isTrue();
    }

    /** Short words (bit-parallel), long ones (the table's band) and characters beyond ASCII against the full table. */
    @Test
    void equalsTheFullTableOnRandomWords() {
        Random random = new Random(42);
        String alphabet = "ABCDÉ";
        for (int trial = 0; trial < 20_000; trial++) {
            int longWords = trial % 10 == 0 ? 60 : 0;
            String a = word(random, alphabet, longWords + random.nextInt(12));
            String b = random.nextBoolean() ? mutated(random, a, alphabet) : word(random, alphabet, longWords + random.nextInt(12));
            int max = random.nextInt(4);
            int expected = Math.min(reference(a, b), max + 1);
            assertThat(EditDistance.distance(a, b, max)).as("%s / %s within %d", a, b, max).isEqualTo(expected);
            char[] padded = ("xx" + b + "yy").toCharArray();
            assertThat(EditDistance.distance(a, padded, 2, b.length(), max)).as("%s / %s", a, b).isEqualTo(expected);
        }
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    /** Up to three random substitutions, insertions, deletions and transpositions. */
    private static String mutated(Random random, String word, String alphabet) {
        StringBuilder out = new StringBuilder(word);
        for (int edit = random.nextInt(4); edit > 0; edit--) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (out.length() < 2 ? 1 : random.nextInt(4)) {
                case 0 -> out.setCharAt(at, c);
                case 1 -> out.insert(at, c);
                case 2 -> out.deleteCharAt(at);
                default -> {
                    int i = Math.min(at, out.length() - 2);
                    char first = out.charAt(i);
                    out.setCharAt(i, out.charAt(i + 1));
                    out.setCharAt(i + 1, first);
                }
            }
        }
        return out.toString();
    }

    /** Optimal string alignment distance over the whole table, the textbook way. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
