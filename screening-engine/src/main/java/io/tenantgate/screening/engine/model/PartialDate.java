package io.tenantgate.screening.engine.model;

import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A date of which only the year may be known; month and day are 0 when unknown. */
public record PartialDate(int year, int month, int day) {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    /** OFAC writes "10 Dec 1948", "Dec 1948", "1948" and "circa 1948". */
    private static final Pattern OFAC = Pattern.compile("(?:circa\\s+)?(?:(\\d{1,2})\\s+)?(?:([A-Za-z]{3})[a-z]*\\s+)?(\\d{4})");

    public PartialDate {
        if (!possible(year, month, day)) {
            throw new IllegalArgumentException("invalid date " + year + "-" + month + "-" + day);
        }
    }

    public boolean hasDay() {
        return day > 0;
    }

    /**
     * Parses ISO ({@code 1962-08-06}, {@code 1962}) or OFAC ({@code 06 Aug 1962}) forms; empty for anything else,
     * including a date of that shape that cannot be ({@code 0000}, {@code 1962-13-45}).
     */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            return of(Integer.parseInt(iso.group(1)), intOrZero(iso.group(2)), intOrZero(iso.group(3)));
        }
        Matcher ofac = OFAC.matcher(trimmed);
        if (ofac.matches()) {
            int month = ofac.group(2) == null ? 0 : monthOf(ofac.group(2));
            int day = month == 0 ? 0 : intOrZero(ofac.group(1));
            return of(Integer.parseInt(ofac.group(3)), month, day);
        }
        return Optional.empty();
    }

    private static Optional<PartialDate> of(int year, int month, int day) {
        return possible(year, month, day) ? Optional.of(new PartialDate(year, month, day)) : Optional.empty();
    }

    private static boolean possible(int year, int month, int day) {
        return year >= 1000 && year <= 2999 && month >= 0 && month <= 12 && day >= 0 && day <= 31;
    }

    private static int monthOf(String abbreviation) {
        String upper = abbreviation.toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(upper)) {
                return month.getValue();
            }
        }
        return 0;
    }

    private static int intOrZero(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    @Override
    public String toString() {
        if (month == 0) {
            return Integer.toString(year);
        }
        return day == 0 ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }
}
