package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.Identifier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts OFAC packs into the SDN Remarks field, separated by "; ": DOB, POB, nationality,
 * citizen, identity documents, digital currency addresses, a.k.a. names and "Linked To".
 */
final class SdnRemarks {

    private static final Pattern ALT = Pattern.compile("^alt\\.\\s+");
    private static final Pattern AKA = Pattern.compile("^[fna]\\.k\\.a\\.,?\\s+'(.+)'$");
    private static final Pattern LINKED_TO = Pattern.compile("^Linked To:\\s*(.+)$");
    private static final Pattern KEYED = Pattern.compile("^(DOB|POB|nationality|citizen)\\s+(.+)$");
    /** Facts whose first word with a digit is an identifier, e.g. "Passport A123 (Iran) issued 2008". */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^(?<type>(?:[^\\d;]*?\\b(?:Passport|ID|Identification|Number|No\\.|Cedula|D\\.N\\.I\\.|License|IMO|MMSI|RFC|CURP|NIT|SSN|Digital Currency Address - \\w+)[^\\d;]*?))"
                    + "\\s+(?<number>[^\\s;]*\\d[^\\s;]*)(?:\\s+\\((?<country>[^)]+)\\))?.*$");
    /** Numbered facts that are not identifiers. */
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("(?i)\\b(date|phone|fax|executive order|caatsa|gazette|model|section)\\b");

    private SdnRemarks() {
    }

    static void addFacts(String remarks, Entry.Builder entry) {
        for (String rawFact : remarks.split(";\\s+")) {
            String fact = ALT.matcher(stripPeriod(rawFact.strip())).replaceFirst("");
            addFact(fact, entry);
        }
    }

    private static void addFact(String fact, Entry.Builder entry) {
        Matcher aka = AKA.matcher(fact);
        if (aka.matches()) {
            entry.alias(aka.group(1).strip());
            return;
        }
        Matcher linked = LINKED_TO.matcher(fact);
        if (linked.matches()) {
            entry.linkedTo(linked.group(1).strip());
            return;
        }
        Matcher keyed = KEYED.matcher(fact);
        if (keyed.matches()) {
            String value = keyed.group(2).strip();
            switch (keyed.group(1)) {
                case "DOB" -> BirthDates.parse(value).forEach(entry::dateOfBirth);
                case "POB" -> entry.placeOfBirth(value);
                default -> Countries.toIso(value).ifPresent(entry::nationality);
            }
            return;
        }
        Matcher identifier = IDENTIFIER.matcher(fact);
        if (identifier.matches() && !NOT_IDENTIFIER.matcher(identifier.group("type")).find()) {
            String country = identifier.group("country");
            entry.id(new Identifier(identifier.group("type").strip(), identifier.group("number"),
                    country == null ? null : Countries.toIso(country).orElse(null)));
        }
    }

    private static String stripPeriod(String fact) {
        return fact.endsWith(".") && !fact.endsWith("No.") ? fact.substring(0, fact.length() - 1) : fact;
    }
}
