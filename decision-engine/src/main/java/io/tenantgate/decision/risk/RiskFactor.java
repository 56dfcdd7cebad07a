package io.tenantgate.decision.risk;

/**
 * One rule's contribution to the score.
 *
 * @param rule   stable rule name, e.g. {@code jurisdiction}
 * @param points points added (the total is capped at 100)
 * @param reason what the rule saw
 */
public record RiskFactor(String rule, int points, String reason) {
}
