package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Address;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.ListSource;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OFAC's legacy SDN CSV files: {@code sdn.csv} and the optional {@code add.csv}, {@code alt.csv} and
 * {@code sdn_comments.csv}. No header, {@code -0- } as null, CRLF, a trailing Ctrl-Z. Address and alias rows
 * whose ent_num is not in sdn.csv (entities listed after the sdn.csv snapshot) are dropped.
 */
public final class SdnParser {

    private static final int SDN_COLUMNS = 12;
    private static final int ADD_COLUMNS = 6;
    private static final int ALT_COLUMNS = 5;
    private static final int COMMENT_COLUMNS = 2;

    private SdnParser() {
    }

    /** The companion files may be null. */
    public static List<Entry> parse(Reader sdn, Reader add, Reader alt, Reader comments) {
        Map<String, List<Address>> addresses = new HashMap<>();
        readCompanion("add.csv", add, ADD_COLUMNS, record -> addresses
                .computeIfAbsent(record.get(0).strip(), key -> new ArrayList<>()).add(address(record)));
        Map<String, List<String>> aliases = new HashMap<>();
        readCompanion("alt.csv", alt, ALT_COLUMNS, record -> aliases
                .computeIfAbsent(record.get(0).strip(), key -> new ArrayList<>()).add(required(record, 3, "alt_name")));
        Map<String, String> extendedRemarks = new HashMap<>();
        readCompanion("sdn_comments.csv", comments, COMMENT_COLUMNS,
                record -> extendedRemarks.merge(record.get(0).strip(), record.get(1).strip(), (a, b) -> a + " " + b));

        Map<String, Entry> entries = new LinkedHashMap<>();
        CsvRows.read("sdn.csv", sdn, (record, line) -> {
            checkColumns(record, SDN_COLUMNS);
            Entry entry = entry(record, addresses, aliases, extendedRemarks);
            if (entries.putIfAbsent(entry.entityNumber(), entry) != null) {
                throw new IllegalArgumentException("duplicate ent_num " + entry.entityNumber());
            }
        });
        return List.copyOf(entries.values());
    }

    private static Entry entry(CSVRecord record, Map<String, List<Address>> addresses,
                               Map<String, List<String>> aliases, Map<String, String> extendedRemarks) {
        String number = required(record, 0, "ent_num");
        if (!number.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("ent_num is not a number: " + number);
        }
        String remarks = withExtension(CsvRows.cell(record, 11), extendedRemarks.get(number));
        Entry.Builder entry = Entry.builder(ListSource.SDN, number)
                .name(required(record, 1, "SDN_Name"))
                .type(EntryType.parse(record.get(2).strip()))
                .remarks(remarks.isEmpty() ? null : remarks);
        String programs = CsvRows.cell(record, 3);
        if (programs != null) {
            Stream.of(programs.split("\\]\\s*\\[")).map(program -> program.replaceAll("[\\[\\]]", "").strip())
                    .filter(program -> !program.isEmpty()).forEach(entry::program);
        }
        addresses.getOrDefault(number, List.of()).forEach(entry::address);
        aliases.getOrDefault(number, List.of()).forEach(entry::alias);
        SdnRemarks.addFacts(remarks, entry);
        return entry.build();
    }

    /** sdn_comments.csv continues remarks that sdn.csv cut off, possibly mid-fact. */
    private static String withExtension(String remarks, String extension) {
        if (remarks == null || extension == null) {
            return remarks == null ? (extension == null ? "" : extension) : remarks;
        }
        return remarks.endsWith(".") || remarks.endsWith(";") ? remarks + "; " + extension : remarks + extension;
    }

    private static Address address(CSVRecord record) {
        String text = Stream.of(CsvRows.cell(record, 2), CsvRows.cell(record, 3), CsvRows.cell(record, 4))
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return new Address(text, Countries.toIso(CsvRows.cell(record, 4)).orElse(null));
    }

    private static void readCompanion(String file, Reader reader, int columns, Consumer<CSVRecord> sink) {
        if (reader != null) {
            CsvRows.read(file, reader, (record, line) -> {
                checkColumns(record, columns);
                sink.accept(record);
            });
        }
    }

    private static void checkColumns(CSVRecord record, int expected) {
        if (record.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " columns, found " + record.size());
        }
    }

    private static String required(CSVRecord record, int column, String name) {
        String value = CsvRows.cell(record, column);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
