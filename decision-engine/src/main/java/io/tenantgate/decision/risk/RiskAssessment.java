package io.tenantgate.decision.risk;

import java.util.List;

/**
 * @param score   0 to 100, the capped sum of the factors' points
 * @param reasons why the decision is what it is, decisive reason first
 * @param factors every rule contribution, for the explanation
 */
public record RiskAssessment(int score, Decision decision, List<String> reasons, List<RiskFactor> factors) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
        factors = List.copyOf(factors);
    }
}
