package io.tenantgate.decision.risk;

import io.tenantgate.decision.person.OwnershipAnalysis;
import io.tenantgate.decision.person.OwnershipParty;

import java.util.ArrayList;
import java.util.List;

/** Owners nobody can place, structures deeper than allowed, and US entities run from abroad. */
public final class OwnershipOpacityRule implements RiskRule {

    public static final String NAME = "ownership";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        List<RiskFactor> factors = new ArrayList<>();
        RiskWeights weights = settings.weights();
        input.person().ownership().ifPresent(ownership -> {
            for (OwnershipParty unknown : ownership.partiesOfUnknownCountry()) {
                factors.add(new RiskFactor(NAME, weights.ownerCountryUnknown(),
                        "owner " + unknown.name() + " at layer " + unknown.layer() + " has no declared country"));
            }
            if (ownership.layers() > settings.maxOwnershipLayers()) {
                factors.add(new RiskFactor(NAME, weights.deepOwnership(), "ownership declared " + ownership.layers()
                        + " layers deep, more than the " + settings.maxOwnershipLayers() + " allowed"));
            }
        });
        if (input.person().foreignControlled()) {
            factors.add(new RiskFactor(NAME, weights.foreignControl(), "US entity owned or controlled from abroad ("
                    + input.person().ownership().map(OwnershipAnalysis::foreignPercent).map(p -> Math.round(p) + " % foreign")
                    .orElse("control") + ")"));
        }
        return factors;
    }
}
