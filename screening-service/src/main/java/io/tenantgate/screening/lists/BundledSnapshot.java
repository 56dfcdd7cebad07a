package io.tenantgate.screening.lists;

import io.tenantgate.screening.engine.parse.BundledLists;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The list snapshot shipped with the service (trade.gov CSL of 2022-05-06 and OFAC SDN of 2024-05-03), so
 * a new installation screens for real from its first start. It is imported through the same path as any
 * upload, and only when the database holds no list at all.
 */
@ApplicationScoped
public class BundledSnapshot {

    private final ListImportService imports;
    private final ListVersionRepository versions;

    public BundledSnapshot(ListImportService imports, ListVersionRepository versions) {
        this.imports = imports;
        this.versions = versions;
    }

    public void importIfNoLists() {
        if (versions.count() > 0) {
            return;
        }
        imports.importList(new ListUpload(ListFeed.CSL, Map.of("file", read(BundledLists.CSL)), "bundled:" + BundledLists.CSL));
        imports.importList(new ListUpload(ListFeed.SDN, Map.of("sdn", read(BundledLists.SDN)), "bundled:" + BundledLists.SDN));
    }

    private static byte[] read(String resource) {
        try (InputStream gz = BundledLists.class.getResourceAsStream(resource)) {
            if (gz == null) {
                throw new IllegalStateException("bundled list missing: " + resource);
            }
            try (InputStream raw = new GZIPInputStream(gz)) {
                return raw.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled list " + resource, e);
        }
    }
}
