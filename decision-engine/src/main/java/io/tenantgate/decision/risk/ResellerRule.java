package io.tenantgate.decision.risk;

import java.util.ArrayList;
import java.util.List;

/** A customer brought by a foreign reseller inherits the reseller's jurisdiction and its CIP gaps. */
public final class ResellerRule implements RiskRule {

    public static final String NAME = "reseller";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        List<RiskFactor> factors = new ArrayList<>();
        input.reseller().ifPresent(reseller -> {
            if (reseller.country() != null && settings.ofConcern(reseller.country())) {
                factors.add(new RiskFactor(NAME, settings.weights().resellerJurisdiction(),
                        "reseller " + reseller.name() + " is in " + reseller.country() + ", a jurisdiction of concern"));
            }
            if (!reseller.cipAttestationOnFile()) {
                factors.add(new RiskFactor(NAME, settings.weights().resellerWithoutAttestation(),
                        "reseller " + reseller.name() + " has no CIP attestation on file"));
            }
        });
        return factors;
    }
}
