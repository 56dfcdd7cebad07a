package io.tenantgate.identity.geoip;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IP address to country over any MaxMind DB file: the bundled open database (records {@code country_code}) or a
 * provider's GeoIP2 / GeoLite2 Country or City file (records {@code country.iso_code}). Held in memory;
 * lookups are thread-safe.
 */
public final class IpCountryLookup implements AutoCloseable {

    /** The open NRO-based database shipped with the service; see geoip/SOURCES.md for its attribution. */
    public static final String BUNDLED_DATABASE = "/geoip/geo-whois-asn-country.mmdb.gz";

    private final Reader reader;

    /** @param database a MaxMind DB file, gzipped or not; read fully, the stream is not closed */
    public IpCountryLookup(InputStream database) {
        try {
            this.reader = new Reader(GzipDetection.decompressIfNeeded(database));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("not a readable MaxMind DB file", unreadable);
        }
    }

    public IpCountryLookup(byte[] database) {
        this(new ByteArrayInputStream(database));
    }

    public static IpCountryLookup bundled() {
        try (InputStream database = IpCountryLookup.class.getResourceAsStream(BUNDLED_DATABASE)) {
            if (database == null) {
                throw new IllegalStateException(BUNDLED_DATABASE + " is missing from the class path");
            }
            return new IpCountryLookup(database);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public IpCountry lookup(String ip) {
        Optional<InetAddress> address = IpLiterals.parse(ip);
        if (address.isEmpty()) {
            return IpCountry.without(ip, IpCountryOutcome.INVALID);
        }
        // the open database attributes some private ranges (192.168.0.0/16) to a country: never ask it about them
        if (!IpLiterals.isPublic(address.get())) {
            return IpCountry.without(ip, IpCountryOutcome.NOT_PUBLIC);
        }
        DatabaseRecord<?> found = recordAt(address.get());
        Optional<String> country = found.data() instanceof Map<?, ?> data ? countryOf(data) : Optional.empty();
        return country.isEmpty() ? IpCountry.without(ip, IpCountryOutcome.NOT_FOUND)
                : new IpCountry(ip, IpCountryOutcome.FOUND, country, Optional.of(found.network().toString()));
    }

    private DatabaseRecord<?> recordAt(InetAddress address) {
        try {
            return reader.getRecord(address, Map.class);
        } catch (IOException corrupt) {
            throw new UncheckedIOException("the MaxMind DB could not be read at " + address.getHostAddress(), corrupt);
        }
    }

    public List<IpCountry> lookupAll(Collection<String> ips) {
        return ips.stream().map(this::lookup).toList();
    }

    public String databaseType() {
        return reader.getMetadata().databaseType();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** GeoIP2 files put the country under country.iso_code, falling back to the registered country. */
    static Optional<String> countryOf(Map<?, ?> record) {
        Object flat = record.get("country_code");
        if (flat instanceof String code) {
            return normalise(code);
        }
        return isoCode(record.get("country")).or(() -> isoCode(record.get("registered_country")));
    }

    private static Optional<String> isoCode(Object node) {
        return node instanceof Map<?, ?> map && map.get("iso_code") instanceof String code ? normalise(code) : Optional.empty();
    }

    private static Optional<String> normalise(String code) {
        return code.length() == 2 ? Optional.of(code.toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
