package io.tenantgate.screening.engine.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** English number words as digits, so "BRIGADE FORTY FOUR" meets "BRIGADE 44" and "THREE" meets "3". */
final class NumberWords {

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
            Integer unit = UNITS.get(words.get(i));
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

    /** "FOUR" or "4" as 4; 0 for anything else. */
    private static int unitValue(String word) {
        Integer unit = UNITS.get(word);
        if (unit != null) {
            return unit < 10 ? unit : 0;
        }
        return word.length() == 1 && Character.isDigit(word.charAt(0)) ? word.charAt(0) - '0' : 0;
    }

    static boolean isRomanNumeral(String word) {
        return ROMAN.contains(word);
    }
}
