package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the provider's own list, a CSV with header
 * {@code key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks} and ";"-separated multi-values.
 * An id is {@code type:number} or {@code type:number:CC}. See README.md for the full format.
 */
public final class InternalListParser {

    private static final List<String> COLUMNS =
            List.of("key", "name", "aliases", "type", "countries", "dates_of_birth", "ids", "programs", "remarks");

    private InternalListParser() {
    }

    public static List<Entry> parse(String file, Reader reader) {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        CsvRows.read(file, reader, InternalListParser::checkHeader, (record, line) -> {
            Entry entry = entry(record);
            if (!keys.add(entry.key())) {
                throw new IllegalArgumentException("duplicate key " + entry.key());
            }
            entries.add(entry);
        });
        return entries;
    }

    private static void checkHeader(List<String> header) {
        if (!header.equals(COLUMNS)) {
            throw new IllegalArgumentException("header must be " + String.join(",", COLUMNS));
        }
    }

    private static Entry entry(CSVRecord record) {
        String key = record.get("key").strip();
        String name = record.get("name").strip();
        if (key.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("key and name are required");
        }
        EntryType type = EntryType.parse(record.get("type"));
        Entry.Builder entry = Entry.builder(ListSource.INTERNAL, key).name(name).type(type)
                .addressOnly(type == EntryType.ADDRESS);
        String remarks = record.get("remarks").strip();
        entry.remarks(remarks.isEmpty() ? null : remarks);
        values(record, "aliases").forEach(entry::alias);
        values(record, "programs").forEach(entry::program);
        for (String country : values(record, "countries")) {
            entry.nationality(Countries.toIso(country)
                    .orElseThrow(() -> new IllegalArgumentException("unknown country " + country)));
        }
        for (String date : values(record, "dates_of_birth")) {
            entry.dateOfBirth(PartialDate.parse(date)
                    .orElseThrow(() -> new IllegalArgumentException("invalid date of birth " + date)));
        }
        values(record, "ids").stream().map(InternalListParser::identifier).forEach(entry::id);
        return entry.build();
    }

    private static Identifier identifier(String value) {
        String[] parts = value.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[1].isBlank()) {
            throw new IllegalArgumentException("id must be type:number[:CC], got " + value);
        }
        String country = parts.length == 3 ? Countries.toIso(parts[2])
                .orElseThrow(() -> new IllegalArgumentException("unknown country in id " + value)) : null;
        return new Identifier(parts[0].strip(), parts[1].strip(), country);
    }

    private static List<String> values(CSVRecord record, String column) {
        return Arrays.stream(record.get(column).split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
