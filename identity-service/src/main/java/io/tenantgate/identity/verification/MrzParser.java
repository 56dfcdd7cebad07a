package io.tenantgate.identity.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads TD3 (passport, 2 x 44) and TD1 (ID card, 3 x 30) machine-readable zones as ICAO Doc 9303 lays them out. */
public final class MrzParser {

    private static final Pattern MRZ_LINE = Pattern.compile("[A-Z0-9<]+");

    private MrzParser() {
    }

    public static Mrz parse(String text) {
        List<String> lines = lines(text);
        MrzFormat format = formatOf(lines);
        return format == MrzFormat.TD3 ? td3(lines.get(0), lines.get(1)) : td1(lines.get(0), lines.get(1), lines.get(2));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            throw new MrzFormatException("no MRZ given");
        }
        List<String> lines = text.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.toUpperCase(Locale.ROOT)).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!MRZ_LINE.matcher(lines.get(i)).matches()) {
                throw new MrzFormatException("line " + (i + 1) + " holds characters other than A-Z, 0-9 and '<'");
            }
        }
        return lines;
    }

    private static MrzFormat formatOf(List<String> lines) {
        for (MrzFormat format : MrzFormat.values()) {
            if (lines.size() == format.lines() && lines.stream().allMatch(l -> l.length() == format.lineLength())) {
                return format;
            }
        }
        throw new MrzFormatException("expected 2 lines of 44 (TD3) or 3 lines of 30 (TD1), got " + lines.size()
                + " line(s) of " + lines.stream().map(l -> String.valueOf(l.length())).toList() + " characters");
    }

    private static Mrz td3(String line1, String line2) {
        String documentCode = line1.substring(0, 2);
        if (documentCode.charAt(0) != 'P') {
            throw new MrzFormatException("a TD3 MRZ is a passport: its document code starts with P, not "
                    + documentCode.charAt(0));
        }
        Name name = Name.of(line1.substring(5, 44));
        String optionalData = line2.substring(28, 42);
        List<MrzCheckedField> checked = List.of(
                new MrzCheckedField("document number", line2.substring(0, 9), line2.charAt(9), false),
                new MrzCheckedField("birth date", line2.substring(13, 19), line2.charAt(19), false),
                new MrzCheckedField("expiry date", line2.substring(21, 27), line2.charAt(27), false),
                new MrzCheckedField("optional data", optionalData, line2.charAt(42), true),
                new MrzCheckedField("composite",
                        line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43), line2.charAt(43), false));
        return new Mrz(MrzFormat.TD3, trimFiller(documentCode), trimFiller(line1.substring(2, 5)),
                trimFiller(line2.substring(0, 9)), trimFiller(line2.substring(10, 13)), line2.substring(13, 19),
                line2.charAt(20), line2.substring(21, 27),
                trimFiller(optionalData), name.primary(), name.secondary(), name.truncated(), checked);
    }

    private static Mrz td1(String line1, String line2, String line3) {
        String documentCode = line1.substring(0, 2);
        if ("IAC".indexOf(documentCode.charAt(0)) < 0) {
            throw new MrzFormatException("a TD1 MRZ is an identity card: its document code starts with I, A or C, not "
                    + documentCode.charAt(0));
        }
        DocumentNumber number = DocumentNumber.td1(line1.substring(5, 14), line1.charAt(14), line1.substring(15, 30));
        Name name = Name.of(line3);
        List<MrzCheckedField> checked = new ArrayList<>();
        checked.add(new MrzCheckedField("document number", number.value(), number.checkDigit(), false));
        checked.add(new MrzCheckedField("birth date", line2.substring(0, 6), line2.charAt(6), false));
        checked.add(new MrzCheckedField("expiry date", line2.substring(8, 14), line2.charAt(14), false));
        checked.add(new MrzCheckedField("composite",
                line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29),
                line2.charAt(29), false));
        String optionalData = trimFiller(number.optionalData() + "<" + line2.substring(18, 29));
        return new Mrz(MrzFormat.TD1, trimFiller(documentCode), trimFiller(line1.substring(2, 5)), number.value(),
                trimFiller(line2.substring(15, 18)), line2.substring(0, 6), line2.charAt(7), line2.substring(8, 14),
                optionalData, name.primary(), name.secondary(), name.truncated(), checked);
    }

    static String trimFiller(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && field.charAt(start) == '<') {
            start++;
        }
        while (end > start && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(start, end);
    }

    /** The name field: primary identifier, "<<", secondary identifier, each part separated by one '<'. */
    private record Name(String primary, String secondary, boolean truncated) {

        static Name of(String field) {
            boolean truncated = field.charAt(field.length() - 1) != '<';
            String name = trimFiller(field);
            int separator = name.indexOf("<<");
            String primary = separator < 0 ? name : name.substring(0, separator);
            String secondary = separator < 0 ? "" : trimFiller(name.substring(separator + 2));
            return new Name(words(primary), words(secondary), truncated);
        }

        private static String words(String part) {
            return String.join(" ", part.split("<+")).strip();
        }
    }

    /**
     * A TD1 document number longer than 9 characters overflows: '<' takes the place of its check digit and
     * the rest of the number, then the check digit, open the optional data (9303 part 5, note j).
     */
    private record DocumentNumber(String value, char checkDigit, String optionalData) {

        static DocumentNumber td1(String firstNine, char checkDigit, String optionalData) {
            if (checkDigit != '<') {
                return new DocumentNumber(trimFiller(firstNine), checkDigit, optionalData);
            }
            int end = optionalData.indexOf('<');
            String overflow = end < 0 ? optionalData : optionalData.substring(0, end);
            if (overflow.isEmpty()) {
                throw new MrzFormatException("document number check digit is missing");
            }
            String rest = overflow.substring(0, overflow.length() - 1);
            return new DocumentNumber(firstNine + rest, overflow.charAt(overflow.length() - 1),
                    end < 0 ? "" : optionalData.substring(end));
        }
    }
}
