package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.PersonDetermination;
import io.tenantgate.decision.person.PersonFacts;
import io.tenantgate.decision.signals.CheckResult;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the risk engine weighs for one case.
 *
 * @param missingRequiredData names of required fields that are missing (which ones are required is configuration)
 */
public record RiskInput(PersonFacts facts, PersonDetermination person, List<CheckResult> checks, Screening screening,
                        Optional<Reseller> reseller, List<String> missingRequiredData) {

    public RiskInput {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(screening, "screening");
        checks = List.copyOf(checks);
        reseller = Objects.requireNonNullElse(reseller, Optional.empty());
        missingRequiredData = List.copyOf(missingRequiredData);
    }
}
