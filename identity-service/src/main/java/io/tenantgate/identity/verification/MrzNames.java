package io.tenantgate.identity.verification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a declared name with the name in an MRZ. The MRZ holds only A-Z: issuers transliterate
 * (ICAO 9303 part 3, 6.A: Ä as AE or A, ß as SS, ...), so a declared name is reduced the same ways and
 * compared word by word, ignoring order (declared names do not say which words are the surname).
 */
public final class MrzNames {

    /** Letters without an accent to drop: always written with two letters. */
    private static final Map<Character, String> ALWAYS_TWO_LETTERS = Map.of(
            'ß', "SS", 'Æ', "AE", 'Ø', "OE", 'Œ', "OE", 'Þ', "TH");

    /** Letters some issuers write with two letters and others with their base letter. */
    private static final Map<Character, String> SOMETIMES_TWO_LETTERS = Map.of(
            'Ä', "AE", 'Ö', "OE", 'Ü', "UE", 'Å', "AA");

    private MrzNames() {
    }

    public static boolean matches(Mrz mrz, String declaredName) {
        List<String> mrzWords = words(mrz.primaryIdentifier() + " " + mrz.secondaryIdentifier());
        return transliterations(declaredName).stream()
                .anyMatch(declared -> sameWords(mrzWords, declared, mrz.nameTruncated()));
    }

    public static String display(Mrz mrz) {
        return mrz.secondaryIdentifier().isEmpty() ? mrz.primaryIdentifier()
                : mrz.primaryIdentifier() + ", " + mrz.secondaryIdentifier();
    }

    /** The declared name as an issuer might have written it: umlauts expanded (AE) or reduced (A). */
    static Set<List<String>> transliterations(String declaredName) {
        // a name without umlauts gives the same words twice: a set keeps one
        return new LinkedHashSet<>(List.of(words(transliterate(declaredName, true)), words(transliterate(declaredName, false))));
    }

    private static String transliterate(String name, boolean expandUmlauts) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
            String twoLetters = ALWAYS_TWO_LETTERS.get(c);
            if (twoLetters == null && expandUmlauts) {
                twoLetters = SOMETIMES_TWO_LETTERS.get(c);
            }
            out.append(twoLetters != null ? twoLetters : String.valueOf(c));
        }
        return stripAccents(out.toString());
    }

    private static boolean sameWords(List<String> mrzWords, List<String> declaredWords, boolean truncated) {
        if (!truncated) {
            return sorted(mrzWords).equals(sorted(declaredWords));
        }
        // a full name field may have been cut: every MRZ word but the last must be declared, the last may be a prefix
        List<String> remaining = new ArrayList<>(declaredWords);
        for (int i = 0; i < mrzWords.size(); i++) {
            String word = mrzWords.get(i);
            boolean last = i == mrzWords.size() - 1;
            boolean found = last ? remaining.stream().anyMatch(d -> d.startsWith(word)) : remaining.remove(word);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toUpperCase(Locale.ROOT).split("[^A-Z]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().sorted().collect(Collectors.toList());
    }
}
