package io.tenantgate.screening.engine.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English number words and ordinals as digits, so "BRIGADE FORTY FOUR" meets "BRIGADE 44", "THREE" meets "3" and
 * "SEVENTH OF TIR" meets "7TH OF TIR". The ordinals come from opensanctions/rigour's {@code ordinals.yml} (MIT;
 * {@code names/SOURCES.md}): the abbreviated forms of every language it covers (7TH, 1ER, 2DO, 3E) and the English
 * words (SEVENTH, TWENTY-FIRST). Its ordinal words of other languages are left alone: many are also given names
 * and surnames (SEGUNDO, PRIMO, TERCERO), which must keep matching as words.
 */
final class NumberWords {

    static final String ORDINALS_RESOURCE = "/names/ordinals.yml";
    // read by loadOrdinals, so declared before ORDINALS
    private static final Pattern NUMBER_LINE = Pattern.compile("^  (\\d+):\\s*$");
    private static final Pattern FORM_LINE = Pattern.compile("^    - \"([^\"]*)\"");
    private static final Pattern ABBREVIATED = Pattern.compile("\\d+[A-Z]{1,3}");
    private static final Pattern WORD = Pattern.compile("[A-Z]+");
    private static final Map<String, Integer> ORDINALS = loadOrdinals();

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("ONE", 1), Map.entry("TWO", 2),
            Map.entry("THREE", 3), Map.entry("FOUR", 4), Map.entry("FIVE", 5), Map.entry("SIX", 6),
            Map.entry("SEVEN", 7), Map.entry("EIGHT", 8), Map.entry("NINE", 9), Map.entry("TEN", 10),
            Map.entry("ELEVEN", 11), Map.entry("TWELVE", 12), Map.entry("THIRTEEN", 13), Map.entry("FOURTEEN", 14),
            Map.entry("FIFTEEN", 15), Map.entry("SIXTEEN", 16), Map.entry("SEVENTEEN", 17),
            Map.entry("EIGHTEEN", 18), Map.entry("NINETEEN", 19));
    private static final Map<String, Integer> TENS = Map.of("TWENTY", 20, "THIRTY", 30, "FORTY", 40, "FIFTY", 50,
            "SIXTY", 60, "SEVENTY", 70, "EIGHTY", 80, "NINETY", 90);
    private static final Set<String> ROMAN = Set.of("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII");

    private NumberWords() {
    }

    static List<String> toDigits(List<String> words) {
        List<String> result = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Integer tens = TENS.get(words.get(i));
            Integer unit = UNITS.containsKey(words.get(i)) ? UNITS.get(words.get(i)) : ORDINALS.get(words.get(i));
            if (tens != null && i + 1 < words.size() && unitValue(words.get(i + 1)) > 0) {
                result.add(Integer.toString(tens + unitValue(words.get(++i))));
            } else if (tens != null || unit != null) {
                result.add(Integer.toString(tens != null ? tens : unit));
            } else {
                result.add(words.get(i));
            }
        }
        return result;
    }

    /** "FOUR", "FOURTH" or "4" as 4; 0 for anything else. */
    private static int unitValue(String word) {
        Integer unit = UNITS.containsKey(word) ? UNITS.get(word) : ORDINALS.get(word);
        if (unit != null) {
            return unit < 10 ? unit : 0;
        }
        return word.length() == 1 && Character.isDigit(word.charAt(0)) ? word.charAt(0) - '0' : 0;
    }

    static boolean isOrdinal(String word) {
        return ORDINALS.containsKey(word);
    }

    static boolean isRomanNumeral(String word) {
        return ROMAN.contains(word);
    }


    /**
     * Ordinal forms by their upper-case spelling: every abbreviated one ("7th", "1er") and the first form listed for
     * each number, which is the English word ("Seventh"); multi-word forms are left to {@link #toDigits}.
     */
    private static Map<String, Integer> loadOrdinals() {
        Map<String, Integer> ordinals = new HashMap<>();
        try (InputStream stream = NumberWords.class.getResourceAsStream(ORDINALS_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("missing resource " + ORDINALS_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            int number = -1;
            boolean first = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher numberLine = NUMBER_LINE.matcher(line);
                Matcher formLine = FORM_LINE.matcher(line);
                if (numberLine.matches()) {
                    number = Integer.parseInt(numberLine.group(1));
                    first = true;
                } else if (number >= 0 && formLine.find()) {
                    String form = Normalizer.normalize(formLine.group(1), Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
                    if (ABBREVIATED.matcher(form).matches() || (first && WORD.matcher(form).matches())) {
                        ordinals.putIfAbsent(form, number);
                    }
                    first = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ORDINALS_RESOURCE, e);
        }
        return Map.copyOf(ordinals);
    }
}
