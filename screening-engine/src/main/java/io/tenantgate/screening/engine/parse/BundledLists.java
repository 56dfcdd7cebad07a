package io.tenantgate.screening.engine.parse;

import io.tenantgate.screening.engine.model.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The list snapshot shipped in the jar (see {@code lists/SOURCES.md}): the trade.gov CSL of 2022-05-06 and
 * OFAC's sdn.csv of 2024-05-03, merged so an OFAC entity in both is one entry.
 */
public final class BundledLists {

    public static final String CSL = "/lists/csl-2022-05-06.csv.gz";
    public static final String SDN = "/lists/sdn-2024-05-03.csv.gz";

    private BundledLists() {
    }

    /** The bundled entries, an entity found in both files merged into one. */
    public static List<Entry> load() {
        return EntryMerger.merge(loadUnmerged());
    }

    /** The rows of both files as parsed, before merging (what a screener without entity resolution sees). */
    public static List<Entry> loadUnmerged() {
        List<Entry> all = new ArrayList<>(cslRows());
        all.addAll(sdnRows());
        return all;
    }

    static List<Entry> cslRows() {
        return read(CSL, StandardCharsets.UTF_8, reader -> CslCsvParser.parse(CSL, reader));
    }

    static List<Entry> sdnRows() {
        // OFAC's legacy files are Windows-1252, which covers their few non-ASCII bytes.
        return read(SDN, Charset.forName("windows-1252"), reader -> SdnParser.parse(reader, null, null, null));
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
