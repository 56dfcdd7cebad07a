package io.tenantgate.screening.lists;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.parse.CslCsvParser;
import io.tenantgate.screening.engine.parse.CslJsonParser;
import io.tenantgate.screening.engine.parse.InternalListParser;
import io.tenantgate.screening.engine.parse.SdnParser;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of list file the service imports, with the parts an upload of it carries. Each feed has its own
 * list versions; the entries of every feed's active version make up the screening index.
 */
public enum ListFeed {

    /** trade.gov Consolidated Screening List, CSV or the JSON of its API, in part "file". */
    CSL(Set.of("file"), Set.of("file")) {
        @Override
        List<Entry> parse(Map<String, byte[]> parts) {
            byte[] file = parts.get("file");
            return looksLikeJson(file) ? CslJsonParser.parse("file", utf8(file)) : CslCsvParser.parse("file", utf8(file));
        }
    },
    /** OFAC's legacy CSV set: "sdn" (sdn.csv), and optionally "add", "alt" and "comments". */
    SDN(Set.of("sdn"), Set.of("sdn", "add", "alt", "comments")) {
        @Override
        List<Entry> parse(Map<String, byte[]> parts) {
            return SdnParser.parse(ofac(parts.get("sdn")), ofac(parts.get("add")), ofac(parts.get("alt")),
                    ofac(parts.get("comments")));
        }
    },
    /** The provider's own list (screening-engine/README.md documents the CSV), in part "file". */
    INTERNAL(Set.of("file"), Set.of("file")) {
        @Override
        List<Entry> parse(Map<String, byte[]> parts) {
            return InternalListParser.parse("file", utf8(parts.get("file")));
        }
    };

    /** OFAC's legacy files are Windows-1252, which covers their few non-ASCII bytes. */
    private static final Charset OFAC_CHARSET = Charset.forName("windows-1252");

    private final Set<String> requiredParts;
    private final Set<String> allowedParts;

    ListFeed(Set<String> requiredParts, Set<String> allowedParts) {
        this.requiredParts = requiredParts;
        this.allowedParts = allowedParts;
    }

    /** Parses a whole upload; a bad line throws {@code ListParseException} naming the part and line. */
    abstract List<Entry> parse(Map<String, byte[]> parts);

    public Set<String> requiredParts() {
        return requiredParts;
    }

    public Set<String> allowedParts() {
        return allowedParts;
    }

    public static Optional<ListFeed> of(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeJson(byte[] file) {
        for (byte b : file) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static Reader utf8(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    private static Reader ofac(byte[] bytes) {
        return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), OFAC_CHARSET);
    }
}
