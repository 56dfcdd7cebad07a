package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.PartialDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Dates of birth as lists write them, including year ranges ("1960 to 1962") and "circa". */
final class BirthDates {

    private static final Pattern RANGE = Pattern.compile("(?:circa\\s+)?(\\d{4})\\s+to\\s+(\\d{4})");
    private static final int LONGEST_RANGE = 10;

    private BirthDates() {
    }

    /** Every date the text allows; a range becomes one year-only date per year. Unreadable text gives none. */
    static List<PartialDate> parse(String text) {
        String trimmed = text.strip();
        Matcher range = RANGE.matcher(trimmed);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = Integer.parseInt(range.group(2));
            if (to < from || to - from > LONGEST_RANGE) {
                return List.of();
            }
            return IntStream.rangeClosed(from, to).mapToObj(year -> new PartialDate(year, 0, 0)).toList();
        }
        return PartialDate.parse(trimmed).stream().toList();
    }
}
