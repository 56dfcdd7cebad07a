package io.tenantgate.screening.engine.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the evaluation CSVs copied into test resources. */
public final class EvalFiles {

    private EvalFiles() {
    }

    public static List<Map<String, String>> rows(String resource) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = open(resource); CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String resource) throws IOException {
        InputStream stream = EvalFiles.class.getResourceAsStream("/eval/" + resource);
        if (stream == null) {
            throw new IOException("missing test resource " + resource);
        }
        return new InputStreamReader(resource.endsWith(".gz") ? new GZIPInputStream(stream) : stream,
                StandardCharsets.UTF_8);
    }
}
