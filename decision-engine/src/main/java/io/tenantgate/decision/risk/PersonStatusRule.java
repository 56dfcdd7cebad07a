package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.Finding;
import io.tenantgate.decision.person.FindingKind;
import io.tenantgate.decision.person.PersonStatus;

import java.util.ArrayList;
import java.util.List;

/** An undetermined US / foreign status, and each signal that contradicts the declared one. */
public final class PersonStatusRule implements RiskRule {

    public static final String NAME = "person-status";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        List<RiskFactor> factors = new ArrayList<>();
        if (input.person().status() == PersonStatus.UNDETERMINED) {
            factors.add(new RiskFactor(NAME, settings.weights().undeterminedStatus(),
                    "US / foreign status undetermined: " + String.join("; ", input.person().reasons())));
        }
        for (Finding finding : input.person().findings()) {
            if (finding.kind() == FindingKind.SIGNAL_CONFLICT) {
                factors.add(new RiskFactor(NAME, settings.weights().personConflict(), "conflict: " + finding.detail()));
            }
        }
        return factors;
    }
}
