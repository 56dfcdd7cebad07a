package io.tenantgate.screening.engine.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tenantgate.screening.engine.index.EngineSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipAnalyzerTest {

    private static OwnershipAnalyzer analyzer(List<OwnershipLink> links, Set<String> listed) {
        return analyzer(links, listed, Map.of());
    }

    private static OwnershipAnalyzer analyzer(List<OwnershipLink> links, Set<String> listed, Map<String, String> countries) {
        return new OwnershipAnalyzer(links, listed::contains, countries, EngineSettings.DEFAULT_JURISDICTIONS);
    }

    @Test
    void directListedOwnerOfAQuarterIsSignificant() {
        OwnershipReport report = analyzer(List.of(
                new OwnershipLink("SDN-HOLDER", "CUSTOMER", 25, false),
                new OwnershipLink("CLEAN", "CUSTOMER", 75, false)), Set.of("SDN-HOLDER")).analyze("CUSTOMER");

        assertThat(report.significantOwners()).singleElement().satisfies(chain -> {
            assertThat(chain.parties()).containsExactly("SDN-HOLDER", "CUSTOMER");
            assertThat(chain.effectivePercent()).isEqualTo(25.0);
        });
        assertThat(report.blockedByAggregate()).isFalse();
    }

    @Test
    void smallListedShareWithControlIsSignificant() {
        OwnershipReport report = analyzer(List.of(new OwnershipLink("LISTED", "CUSTOMER", 10, true)), Set.of("LISTED"))
                .analyze("CUSTOMER");
        assertThat(report.significantOwners()).singleElement()
                .satisfies(chain -> assertThat(chain.controlled()).isTrue());
    }

    @Test
    void smallListedShareWithoutControlIsReportedButNotSignificant() {
        OwnershipReport report = analyzer(List.of(new OwnershipLink("LISTED", "CUSTOMER", 24.9, false)), Set.of("LISTED"))
                .analyze("CUSTOMER");
        assertThat(report.listedChains()).hasSize(1);
        assertThat(report.significantOwners()).isEmpty();
    }

    @Test
    void aggregatesListedOwnershipThroughAnyDepth() {
        // A (listed) owns 60 % of H1, which owns 50 % of H2, which owns 100 % of CUSTOMER: 30 %.
        // B (listed) owns 40 % of CUSTOMER directly. Together 70 %: blocked, though neither alone is 50 %.
        OwnershipReport report = analyzer(List.of(
                new OwnershipLink("A", "H1", 60, false),
                new OwnershipLink("H1", "H2", 50, false),
                new OwnershipLink("H2", "CUSTOMER", 100, false),
                new OwnershipLink("B", "CUSTOMER", 40, false),
                new OwnershipLink("CLEAN", "H1", 40, false)), Set.of("A", "B")).analyze("CUSTOMER");

        assertThat(report.aggregatePercent()).isCloseTo(70.0, within(1e-9));
        assertThat(report.blockedByAggregate()).isTrue();
        assertThat(report.listedChains()).extracting(OwnershipChain::parties)
                .containsExactlyInAnyOrder(List.of("A", "H1", "H2", "CUSTOMER"), List.of("B", "CUSTOMER"));
        assertThat(report.significantOwners()).extracting(OwnershipChain::listedParty).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void sumsSeveralChainsFromOneListedParty() {
        OwnershipReport report = analyzer(List.of(
                new OwnershipLink("A", "H1", 100, false),
                new OwnershipLink("A", "H2", 100, false),
                new OwnershipLink("H1", "CUSTOMER", 25, false),
                new OwnershipLink("H2", "CUSTOMER", 25, false)), Set.of("A")).analyze("CUSTOMER");

        assertThat(report.aggregatePercent()).isEqualTo(50.0);
        assertThat(report.blockedByAggregate()).isTrue();
    }

    @Test
    void justUnderHalfIsNotBlocked() {
        OwnershipReport report = analyzer(List.of(
                new OwnershipLink("A", "H1", 99, false),
                new OwnershipLink("H1", "CUSTOMER", 50, false)), Set.of("A")).analyze("CUSTOMER");
        assertThat(report.aggregatePercent()).isCloseTo(49.5, within(1e-9));
        assertThat(report.blockedByAggregate()).isFalse();
    }

    @Test
    void cyclesAreRejectedNamingTheCycle() {
        List<OwnershipLink> links = List.of(
                new OwnershipLink("A", "CUSTOMER", 50, false),
                new OwnershipLink("B", "A", 50, false),
                new OwnershipLink("A", "B", 10, false));
        assertThatThrownBy(() -> analyzer(links, Set.of()))
                .isInstanceOfSatisfying(OwnershipCycleException.class,
                        e -> assertThat(e.cycle()).containsAnyOf("A", "B").hasSize(3))
                .hasMessageContaining("ownership cycle");
    }

    @Test
    void invalidLinksAreRejected() {
        assertThatThrownBy(() -> new OwnershipLink("A", "B", 101, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwnershipLink("A", "A", 10, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jurisdictionsOfConcernAreFlaggedApartFromListHits() {
        OwnershipReport report = analyzer(List.of(
                new OwnershipLink("HOLDCO", "CUSTOMER", 100, false),
                new OwnershipLink("PARENT", "HOLDCO", 100, false)), Set.of(),
                Map.of("CUSTOMER", "US", "HOLDCO", "HK", "PARENT", "RU")).analyze("CUSTOMER");

        assertThat(report.jurisdictionsOfConcern()).containsExactlyInAnyOrder("HK", "RU");
        assertThat(report.listedChains()).isEmpty();
    }
}
