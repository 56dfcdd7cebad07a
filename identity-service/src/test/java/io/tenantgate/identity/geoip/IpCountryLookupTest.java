package io.tenantgate.identity.geoip;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected countries are what the bundled database (NRO data, built 2026-06-17) says, checked by hand. */
class IpCountryLookupTest {

    private static IpCountryLookup lookup;

    @BeforeAll
    static void loadTheBundledDatabase() {
        lookup = IpCountryLookup.bundled();
    }

    @AfterAll
    static void close() throws IOException {
        lookup.close();
    }

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8, US, 8.8.0.0/15",
            "1.1.1.1, AU, 1.1.1.0/24",
            "77.88.55.242, RU, 77.88.52.0/22",
            "202.108.22.5, CN, 202.96.0.0/12",
            "194.25.2.129, DE, 194.25.0.0/16",
            "81.2.69.160, GB, 81.2.64.0/18",
            "185.60.216.35, IE, 185.60.216.0/22",
            "2001:4860:4860::8888, US, 2001:4860:0:0:0:0:0:0/32",
            "2a02:6b8::2:242, RU, 2a02:6b8:0:0:0:0:0:0/62"})
    void publicAddressesResolveToTheirCountry(String ip, String country, String network) {
        IpCountry result = lookup.lookup(ip);

        assertThat(result.outcome()).isEqualTo(IpCountryOutcome.FOUND);
        assertThat(result.country()).contains(country);
        assertThat(result.network()).contains(network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1", "100.64.0.1",
            "192.0.2.10", "203.0.113.5", "224.0.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "2001:db8::1"})
    void nonPublicAddressesHaveNoCountry(String ip) {
        // the open database maps 192.168.0.0/16 to AU: the lookup must not ask it
        IpCountry result = lookup.lookup(ip);

        assertThat(result.outcome()).as(ip).isEqualTo(IpCountryOutcome.NOT_PUBLIC);
        assertThat(result.country()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "999.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "", "2001:::1:g"})
    void nonLiteralsAreInvalidAndNeverResolved(String ip) {
        assertThat(lookup.lookup(ip).outcome()).as(ip).isEqualTo(IpCountryOutcome.INVALID);
    }

    @Test
    void looksUpBatches() {
        List<IpCountry> results = lookup.lookupAll(List.of("8.8.8.8", "10.0.0.1", "77.88.55.242"));

        assertThat(results).extracting(IpCountry::outcome)
                .containsExactly(IpCountryOutcome.FOUND, IpCountryOutcome.NOT_PUBLIC, IpCountryOutcome.FOUND);
    }

    @Test
    void acceptsAnUncompressedDatabaseAsAProviderWouldPassIt() throws IOException {
        byte[] plain;
        try (InputStream gz = new GZIPInputStream(IpCountryLookup.class.getResourceAsStream(IpCountryLookup.BUNDLED_DATABASE))) {
            plain = gz.readAllBytes();
        }
        try (IpCountryLookup fromBytes = new IpCountryLookup(plain)) {
            assertThat(fromBytes.lookup("8.8.8.8").country()).contains("US");
            assertThat(fromBytes.databaseType()).isEqualTo("country ipvAll");
        }
    }

    @Test
    void refusesBytesThatAreNoDatabase() {
        assertThatThrownBy(() -> new IpCountryLookup(new byte[] {1, 2, 3})).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void readsGeoIp2StyleRecordsToo() {
        Map<String, Object> geoIp2 = Map.of("country", Map.of("iso_code", "de"), "registered_country", Map.of("iso_code", "NL"));
        Map<String, Object> registeredOnly = Map.of("registered_country", Map.of("iso_code", "NL"));

        assertThat(IpCountryLookup.countryOf(geoIp2)).contains("DE");
        assertThat(IpCountryLookup.countryOf(registeredOnly)).contains("NL");
        assertThat(IpCountryLookup.countryOf(Map.of("country_code", "US"))).contains("US");
        assertThat(IpCountryLookup.countryOf(Map.of("asn", 15169L))).isEmpty();
    }
}
