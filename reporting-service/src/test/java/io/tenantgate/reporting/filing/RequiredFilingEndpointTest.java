package io.tenantgate.reporting.filing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantgate.reporting.config.ReportsConfig;

/** Production (filing required) does not start without the regulator's https endpoint; elsewhere reports may wait. */
class RequiredFilingEndpointTest {

    @Test
    void requiredWithoutAUrlRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> FilingGateway.requireEndpoint(filing(true, Optional.empty())));
        assertTrue(refused.getMessage().contains("TENANTGATE_REPORTS_FILING_URL"), refused.getMessage());
    }

    @Test
    void requiredWithAPlainHttpUrlRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> FilingGateway.requireEndpoint(filing(true, Optional.of("http://filing.example.gov/reports"))));
        assertTrue(refused.getMessage().contains("not an https URL"), refused.getMessage());
    }

    @Test
    void requiredWithAnHttpsUrlStarts() {
        assertDoesNotThrow(() -> FilingGateway.requireEndpoint(filing(true, Optional.of("https://filing.example.gov/reports"))));
    }

    @Test
    void notRequiredStartsWithoutAUrl() {
        assertDoesNotThrow(() -> FilingGateway.requireEndpoint(filing(false, Optional.empty())));
    }

    private static ReportsConfig.Filing filing(boolean required, Optional<String> url) {
        return new ReportsConfig.Filing() {
            @Override
            public Optional<String> url() {
                return url;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Duration retryBase() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration retryMax() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
