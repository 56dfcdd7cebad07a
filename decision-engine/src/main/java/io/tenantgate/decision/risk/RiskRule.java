package io.tenantgate.decision.risk;

import java.util.List;

/** One explainable rule: looks at the case and says which points it adds and why. */
public interface RiskRule {

    List<RiskFactor> evaluate(RiskInput input, RiskSettings settings);
}
