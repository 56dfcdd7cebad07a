package io.tenantgate.screening.engine.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps country names as lists and customers write them ("Iran", "Burma", "France") to ISO alpha-2 codes. */
public final class Countries {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());
    /** Before the name table, which is built with it. */
    private static final java.util.regex.Pattern AND = java.util.regex.Pattern.compile("&|\\band\\b");
    private static final Map<String, String> BY_NAME = buildNameTable();

    private Countries() {
    }

    /** An ISO alpha-2 code for a code or an English country name; empty when unknown. */
    public static Optional<String> toIso(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String trimmed = nameOrCode.strip();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && ISO_CODES.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(BY_NAME.get(key(trimmed)));
    }

    /**
     * Whether an upper case word (A-Z only) is a country's name, e.g. MEXICO, CHILE; no regular expression,
     * as name scoring calls it per word.
     */
    public static boolean isCountryName(String upperWord) {
        return BY_NAME.containsKey(upperWord.toLowerCase(Locale.ROOT));
    }

    public static boolean isIsoCode(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    /** Letters only, without "and": the JDK writes "Bosnia & Herzegovina", people "Bosnia and Herzegovina". */
    private static String key(String name) {
        return AND.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("").replaceAll("[^a-z]", "");
    }


    private static Map<String, String> buildNameTable() {
        Map<String, String> table = new HashMap<>();
        for (String code : ISO_CODES) {
            table.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        // Names used by OFAC, trade.gov and customers that differ from the JDK's English display names.
        String[][] aliases = {
                {"Burma", "MM"}, {"Myanmar", "MM"}, {"Korea, North", "KP"}, {"North Korea", "KP"},
                {"Korea, South", "KR"}, {"South Korea", "KR"}, {"Korea", "KR"}, {"Russian Federation", "RU"},
                {"Iran, Islamic Republic of", "IR"}, {"Syrian Arab Republic", "SY"}, {"Czech Republic", "CZ"},
                {"Macedonia", "MK"}, {"The Bahamas", "BS"}, {"Bahamas, The", "BS"}, {"Gambia, The", "GM"},
                {"Congo, Democratic Republic of the", "CD"}, {"Democratic Republic of the Congo", "CD"},
                {"Congo, Republic of the", "CG"}, {"Ivory Coast", "CI"}, {"Cote d Ivoire", "CI"},
                {"United States of America", "US"}, {"USA", "US"}, {"UK", "GB"}, {"Great Britain", "GB"},
                {"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"Laos", "LA"}, {"West Bank", "PS"}, {"Gaza", "PS"},
                {"Palestinian Territories", "PS"}, {"Turkey", "TR"}, {"Turkiye", "TR"}, {"Swaziland", "SZ"},
                {"Cape Verde", "CV"}, {"East Timor", "TL"}, {"Vatican", "VA"}, {"Holland", "NL"},
                {"Taiwan", "TW"}, {"Hong Kong", "HK"}, {"Macau", "MO"}, {"Macao", "MO"}, {"Kosovo", "XK"},
                {"Soviet Union", "RU"}, {"Brunei", "BN"}, {"Micronesia", "FM"}, {"Moldova", "MD"},
                {"Tanzania", "TZ"}, {"Bolivia", "BO"}, {"Venezuela", "VE"}, {"Curacao", "CW"},
        };
        for (String[] alias : aliases) {
            table.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(table);
    }
}
