package io.tenantgate.suite.simulation;

import io.tenantgate.decision.risk.Decision;
import io.tenantgate.decision.risk.RiskSettings;
import io.tenantgate.decision.risk.RiskSettingsProperties;
import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.index.ScreeningEngine;
import io.tenantgate.screening.engine.parse.BundledLists;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionSimulationTest {

    private static ScreeningEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = ScreeningEngine.build(BundledLists.load(), EngineSettings.defaults());
    }

    @Test
    void screensAndDecidesEveryRowAndCountsWhatItCouldNotRead() {
        List<Map<String, String>> rows = List.of(
                Map.of("full_name", "Ko Tae Hun", "date_of_birth", "1972-05-25", "nationality", "KP"),
                Map.of("full_name", "David Wong", "date_of_birth", "1980-03-14", "nationality", "United States"),
                Map.of("full_name", "Amelie Laurent", "date_of_birth", "1985-13-45", "nationality", "France"),
                Map.of("full_name", "", "nationality", "Atlantis", "kind", "starship"),
                Map.of("full_name", "Bel Huawei Technologies LLC", "country", "BY", "kind", "organization"));

        DecisionSimulation.Result result = new DecisionSimulation(engine, EngineSettings.DEFAULT_THRESHOLD,
                RiskSettings.defaults()).run(rows);

        assertThat(result.outcomes()).extracting(DecisionSimulation.Outcome::decision).containsExactly(
                Decision.REJECTED, Decision.REVIEW, Decision.APPROVED, Decision.PENDING_INFO, Decision.REJECTED);
        assertThat(result.outcomes().get(1).reasons()).anyMatch(reason -> reason.endsWith("name only; no identifier to confirm (+60)"));
        assertThat(result.outcomes().get(3).reasons().get(0)).isEqualTo("required data missing: full_name");
        assertThat(result.unreadable()).containsExactlyInAnyOrderEntriesOf(
                Map.of("date_of_birth", 1, "nationality", 1, "kind", 1));
        assertThat(result.reviewsWithListMatch()).isEqualTo(1);
        assertThat(result.summaryLine()).isEqualTo("people=5 approved=1 review=1 rejected=2 pending_info=1");
    }

    @Test
    void aPolicyFileChangesTheDecisionAndAMisspeltKeyIsRefused() {
        List<Map<String, String>> russian = List.of(Map.of("full_name", "Anna Smirnova", "nationality", "RU"));
        RiskSettings strict = RiskSettingsProperties.read(Map.of("tenantgate.identity.review-at", "50",
                "tenantgate.identity.reject-at", "60", "tenantgate.screening.default-threshold", "0.9"));

        assertThat(new DecisionSimulation(engine, 0.88, RiskSettings.defaults()).run(russian).summaryLine())
                .isEqualTo("people=1 approved=0 review=1 rejected=0 pending_info=0");
        assertThat(new DecisionSimulation(engine, 0.88, strict).run(russian).summaryLine())
                .isEqualTo("people=1 approved=1 review=0 rejected=0 pending_info=0");
        assertThatThrownBy(() -> RiskSettingsProperties.read(Map.of("tenantgate.identity.reject_at", "60")))
                .hasMessageContaining("tenantgate.identity.reject_at");
        assertThatThrownBy(() -> RiskSettingsProperties.read(Map.of("tenantgate.identity.review-at", "thirty")))
                .hasMessageContaining("tenantgate.identity.review-at is not a number");
    }
}
