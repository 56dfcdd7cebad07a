package io.tenantgate.identity.geoip;

import io.tenantgate.identity.config.IdentityConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The provider's own GeoIP2 / GeoLite2 country file when configured; otherwise the bundled open database. */
public class GeoIpProducer {

    @Produces
    @Singleton
    IpCountryLookup lookup(IdentityConfig config) {
        if (config.geoipDatabase().isEmpty()) {
            return IpCountryLookup.bundled();
        }
        try (InputStream database = Files.newInputStream(config.geoipDatabase().get())) {
            return new IpCountryLookup(database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GeoIP database " + config.geoipDatabase().get(), e);
        }
    }

    void close(@Disposes IpCountryLookup lookup) throws IOException {
        lookup.close();
    }
}
