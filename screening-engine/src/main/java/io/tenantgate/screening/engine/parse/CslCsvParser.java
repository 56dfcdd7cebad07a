package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.Identifier;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the trade.gov Consolidated Screening List CSV (29 columns with a header row). Multi-valued cells
 * are separated by "; ". Rows are returned as listed; {@link EntryMerger} joins OFAC rows of one entity.
 */
public final class CslCsvParser {

    static final Set<String> REQUIRED_COLUMNS = Set.of("_id", "source", "entity_number", "type", "programs", "name",
            "addresses", "federal_register_notice", "start_date", "license_requirement", "license_policy", "remarks",
            "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "ids");

    private CslCsvParser() {
    }

    public static List<Entry> parse(String file, Reader reader) {
        List<Entry> entries = new ArrayList<>();
        CsvRows.read(file, reader, CslCsvParser::checkHeader, (record, line) -> {
            if (!record.isConsistent()) {
                throw new IllegalArgumentException("expected " + record.getParser().getHeaderNames().size()
                        + " columns, found " + record.size());
            }
            entries.add(CslEntries.toEntry(toRow(record)));
        });
        return entries;
    }

    private static void checkHeader(List<String> header) {
        List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !header.contains(column)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not a CSL file, missing columns " + missing);
        }
    }

    private static CslRow toRow(CSVRecord record) {
        return new CslRow(
                value(record, "_id"), value(record, "source"), value(record, "entity_number"), value(record, "type"),
                list(record, "programs"), value(record, "name"),
                list(record, "addresses").stream().map(CslEntries::address).toList(),
                value(record, "federal_register_notice"), value(record, "start_date"),
                value(record, "license_requirement"), value(record, "license_policy"), value(record, "remarks"),
                list(record, "alt_names"), list(record, "citizenships"), list(record, "dates_of_birth"),
                list(record, "nationalities"), list(record, "places_of_birth"),
                list(record, "ids").stream().map(CslCsvParser::identifier).toList());
    }

    /** "JO, 2014-08-30, 2009-08-31, K475336, Passport": country first when present, number, then type last. */
    private static Identifier identifier(String cell) {
        List<String> parts = Arrays.stream(cell.split(", ")).map(String::strip).toList();
        String type = parts.get(parts.size() - 1);
        String number = parts.size() > 1 ? parts.get(parts.size() - 2) : "";
        String first = parts.get(0);
        String country = parts.size() > 2 && first.length() == 2 && first.equals(first.toUpperCase()) ? first : null;
        return new Identifier(type, number, country);
    }

    private static String value(CSVRecord record, String column) {
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static List<String> list(CSVRecord record, String column) {
        String value = record.get(column);
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(";\\s+")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
