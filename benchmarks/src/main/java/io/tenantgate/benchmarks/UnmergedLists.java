package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.parse.BundledLists;
import io.tenantgate.screening.engine.parse.CslCsvParser;
import io.tenantgate.screening.engine.parse.SdnParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The rows of the two bundled list files as parsed, before {@link BundledLists} merges an entity found in
 * both into one entry. The naive baseline screens these, every primary and alias name of both files, as a
 * screener without entity resolution would (the 52,457 names), and reports each hit under the key of
 * the merged entry, so its hits compare with the engine's.
 */
final class UnmergedLists {

    private UnmergedLists() {
    }

    static List<Entry> load() {
        List<Entry> all = new ArrayList<>(read(BundledLists.CSL, StandardCharsets.UTF_8,
                reader -> CslCsvParser.parse(BundledLists.CSL, reader)));
        all.addAll(read(BundledLists.SDN, Charset.forName("windows-1252"),
                reader -> SdnParser.parse(reader, null, null, null)));
        return all;
    }

    /** The key of the merged entry each parsed row became part of. */
    static Function<Entry, String> mergedKeys(List<Entry> merged) {
        Map<String, String> keyByIdentity = merged.stream()
                .collect(Collectors.toMap(UnmergedLists::identity, Entry::key));
        return row -> keyByIdentity.get(identity(row));
    }

    /** Which rows are one party: as {@code EntryMerger} decides it (OFAC rows share one entity-number space). */
    private static String identity(Entry entry) {
        boolean ofac = entry.sources().stream().allMatch(ListSource::isOfac) && entry.entityNumber() != null;
        return ofac ? "OFAC:" + entry.entityNumber() : entry.key();
    }

    private static List<Entry> read(String resource, Charset charset, Function<Reader, List<Entry>> parser) {
        InputStream stream = BundledLists.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("bundled list missing: " + resource);
        }
        try (Reader reader = new InputStreamReader(new GZIPInputStream(stream, 1 << 16), charset)) {
            return parser.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
