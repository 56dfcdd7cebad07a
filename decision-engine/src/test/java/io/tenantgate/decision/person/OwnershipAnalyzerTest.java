package io.tenantgate.decision.person;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class OwnershipAnalyzerTest {

    @Test
    void aForeignHoldingIsCountedOnceButItsOwnersAreListed() {
        Owner cyprusHolding = Owner.organisation("Cyprus Holding Ltd", "CY", 80, false,
                List.of(Owner.individual("Ivan Petrov", "RU", 100, true)));

        OwnershipAnalysis analysis = OwnershipAnalyzer.analyse(List.of(cyprusHolding));

        assertThat(analysis.foreignPercent()).isCloseTo(80.0, within(1e-9));
        assertThat(analysis.layers()).isEqualTo(2);
        assertThat(analysis.parties()).extracting(OwnershipParty::name, OwnershipParty::effectivePercent, OwnershipParty::layer)
                .containsExactly(
                        tuple("Cyprus Holding Ltd", 80.0, 1),
                        tuple("Ivan Petrov", 80.0, 2));
    }

    @Test
    void controlRunsDownAChainOfControllingOrMajorityOwners() {
        Owner majority = Owner.organisation("Delaware Holdings LLC", "US", 60, false,
                List.of(Owner.individual("Ivan Petrov", "RU", 10, true)));
        Owner minority = Owner.organisation("Delaware Holdings LLC", "US", 40, false,
                List.of(Owner.individual("Ivan Petrov", "RU", 10, true)));

        assertThat(OwnershipAnalyzer.analyse(List.of(majority)).controllingForeignParties())
                .extracting(OwnershipParty::name).containsExactly("Ivan Petrov");
        assertThat(OwnershipAnalyzer.analyse(List.of(minority)).controllingForeignParties()).isEmpty();
    }

    @Test
    void anOrganisationOfUnknownCountryIsLookedThroughWhenItsOwnersAreKnown() {
        Owner unknownVehicle = new Owner("Vehicle SA", PartyKind.ORGANISATION, Set.of(), false, 50, false,
                List.of(Owner.individual("Li Wei", "CN", 100, false)));

        OwnershipAnalysis analysis = OwnershipAnalyzer.analyse(List.of(unknownVehicle));

        assertThat(analysis.foreignPercent()).isEqualTo(50.0);
        assertThat(analysis.unknownPercent()).isZero();
    }

    @Test
    void percentagesAndCountriesAreValidated() {
        assertThatThrownBy(() -> Owner.individual("X", "RU", 120, false)).hasMessageContaining("0-100");
        assertThatThrownBy(() -> Owner.individual("X", "RUS", 20, false)).hasMessageContaining("ISO alpha-2");
    }
}
