package io.tenantgate.identity.geoip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Accepts a database as shipped (gzipped, half the size) or as the provider downloads it (plain). */
final class GzipDetection {

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;

    private GzipDetection() {
    }

    static InputStream decompressIfNeeded(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }
}
