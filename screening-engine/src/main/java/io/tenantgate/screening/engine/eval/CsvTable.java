package io.tenantgate.screening.engine.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.io.InputStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Evaluation input: a CSV file with a header row (gzip when the name ends in .gz), read whole. */
public final class CsvTable {

    private CsvTable() {
    }

    public static List<Map<String, String>> read(Path file, String... requiredColumns) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (Reader reader = open(file); CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : requiredColumns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(file + ": missing column " + column);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files without a header ("#" comments allowed), e.g. watchman's cross-script pairs. */
    static List<List<String>> readWithoutHeader(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (Reader reader = open(file); CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            return new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
