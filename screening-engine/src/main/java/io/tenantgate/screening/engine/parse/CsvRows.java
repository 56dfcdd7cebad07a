package io.tenantgate.screening.engine.parse;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV records with their line numbers and turns every malformation into a {@link ListParseException}. */
final class CsvRows {

    private CsvRows() {
    }

    /** Files without a header row. */
    static void read(String file, Reader reader, BiConsumer<CSVRecord, Long> consumer) {
        read(file, reader, null, consumer);
    }

    /**
     * Calls {@code consumer} with each record and the line it starts on; with a {@code headerCheck}, the
     * first line is a header, checked before any record. The SUB (Ctrl-Z) end-of-file byte that OFAC
     * appends is dropped, so it never shows up as a record.
     */
    static void read(String file, Reader reader, Consumer<List<String>> headerCheck,
                     BiConsumer<CSVRecord, Long> consumer) {
        boolean header = headerCheck != null;
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true);
        if (header) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        long line = 1;
        CSVParser parser;
        try {
            parser = CSVParser.parse(new WithoutCtrlZ(reader), format.get());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // commons-csv reads the header here: a missing or repeated column name, or a malformed first line
            throw new ListParseException(file, 1, "malformed CSV header: " + brief(e.getMessage()));
        } catch (IOException e) {
            throw new ListParseException(file, 1, "cannot read: " + e.getMessage());
        }
        try (parser) {
            if (header) {
                try {
                    headerCheck.accept(parser.getHeaderNames());
                } catch (IllegalArgumentException e) {
                    throw new ListParseException(file, 1, e.getMessage());
                }
            }
            Iterator<CSVRecord> records = parser.iterator();
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ListParseException(file, parser.getCurrentLineNumber(), "malformed CSV: " + e.getMessage());
                }
                line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                try {
                    consumer.accept(record, line);
                } catch (IllegalArgumentException e) {
                    throw new ListParseException(file, line, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ListParseException(file, line, "cannot read: " + e.getMessage());
        }
    }

    /** A reason short enough for an error answer: commons-csv quotes the whole header line in its messages. */
    private static String brief(String message) {
        return message == null || message.length() <= 200 ? message : message.substring(0, 200) + "...";
    }

    /** Null cells: OFAC writes {@code -0- }, the CSL leaves them empty. */
    static String cell(CSVRecord record, int column) {
        String value = record.get(column).strip();
        return value.isEmpty() || value.equals("-0-") ? null : value;
    }

    private static final class WithoutCtrlZ extends FilterReader {
        private static final char CTRL_Z = '\u001A';

        WithoutCtrlZ(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c;
            do {
                c = super.read();
            } while (c == CTRL_Z);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int count;
            do {
                count = super.read(buffer, offset, length);
                int kept = offset;
                for (int i = offset; i < offset + Math.max(count, 0); i++) {
                    if (buffer[i] != CTRL_Z) {
                        buffer[kept++] = buffer[i];
                    }
                }
                count = count < 0 ? count : kept - offset;
            } while (count == 0 && length > 0);
            return count;
        }
    }
}
