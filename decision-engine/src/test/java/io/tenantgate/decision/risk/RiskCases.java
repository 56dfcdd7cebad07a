package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.Owner;
import io.tenantgate.decision.person.PersonDeterminer;
import io.tenantgate.decision.person.PersonFacts;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CountrySignal;
import io.tenantgate.decision.signals.SignalSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Case inputs built from the real person engine, so the risk tests see what the service will pass. */
final class RiskCases {

    static final PersonDeterminer DETERMINER = new PersonDeterminer(25);
    static final Screening CUSTOMER_SCREENED_CLEAN = new Screening(Set.of("customer"), Set.of("customer"), List.of());

    private RiskCases() {
    }

    static PersonFacts foreignIndividual(String country) {
        return PersonFacts.individual(Set.of(country), false, List.of(
                new CountrySignal(SignalSource.DOCUMENT, country, "passport"),
                new CountrySignal(SignalSource.IP, country, "IP 1")));
    }

    static PersonFacts usCompanyOwnedBy(Owner... owners) {
        return PersonFacts.organisation("US", List.of(new CountrySignal(SignalSource.DOCUMENT, "US", "certificate")),
                List.of(owners));
    }

    static RiskInput input(PersonFacts facts, Screening screening, List<CheckResult> checks) {
        return new RiskInput(facts, DETERMINER.determine(facts), checks, screening, Optional.empty(), List.of());
    }

    static RiskInput clean(PersonFacts facts) {
        return input(facts, CUSTOMER_SCREENED_CLEAN, List.of(CheckResult.pass("document.mrz.check-digits", "ok")));
    }
}
