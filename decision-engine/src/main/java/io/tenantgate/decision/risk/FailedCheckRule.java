package io.tenantgate.decision.risk;

import io.tenantgate.decision.signals.CheckResult;

import java.util.List;

/** Every failed verification check adds its configured points. */
public final class FailedCheckRule implements RiskRule {

    public static final String NAME = "failed-check";

    @Override
    public List<RiskFactor> evaluate(RiskInput input, RiskSettings settings) {
        return input.checks().stream()
                .filter(CheckResult::failed)
                .map(check -> new RiskFactor(NAME, settings.weights().failedCheck(check.name()),
                        check.name() + " failed: " + check.evidence()))
                .toList();
    }
}
