package io.tenantgate.decision.risk;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskSettingsTest {

    @Test
    void defaultsMatchTheDocumentedJurisdictionsOfConcern() {
        assertThat(RiskSettings.defaults().jurisdictionsOfConcern())
                .containsExactlyInAnyOrder("CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new RiskSettings(Set.of(), 70, 70, 0.97, 25, 3, RiskWeights.defaults()))
                .hasMessageContaining("reviewAt < rejectAt");
        assertThatThrownBy(() -> new RiskSettings(Set.of(), 30, 70, 1.5, 25, 3, RiskWeights.defaults()))
                .hasMessageContaining("nearExactNameScore");
    }

    @Test
    void jurisdictionsMustBeIsoCodes() {
        assertThatThrownBy(() -> new RiskSettings(Set.of("RUS"), 30, 70, 0.97, 25, 3, RiskWeights.defaults()))
                .hasMessageContaining("RUS");
    }

    @Test
    void checkWeightsFallBackToTheDefaultWeight() {
        RiskWeights weights = new RiskWeights(40, 35, 15, 60, 15, Map.of("identity.duplicate", 50), 15, 20, 25, 30, 20, 30, 10);

        assertThat(weights.failedCheck("identity.duplicate")).isEqualTo(50);
        assertThat(weights.failedCheck("contact.phone")).isEqualTo(15);
    }
}
