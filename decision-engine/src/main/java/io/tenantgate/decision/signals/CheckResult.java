package io.tenantgate.decision.signals;

import java.util.Objects;

/**
 * One named verification check with its outcome and the evidence an analyst or regulator reads.
 * Evidence never carries a full document, card or account number.
 *
 * @param name     stable dotted name, e.g. {@code document.mrz.check-digits}
 * @param outcome  PASS, FAIL or NOT_APPLICABLE
 * @param evidence what was compared and what was found
 */
public record CheckResult(String name, CheckOutcome outcome, String evidence) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static CheckResult pass(String name, String evidence) {
        return new CheckResult(name, CheckOutcome.PASS, evidence);
    }

    public static CheckResult fail(String name, String evidence) {
        return new CheckResult(name, CheckOutcome.FAIL, evidence);
    }

    public static CheckResult notApplicable(String name, String evidence) {
        return new CheckResult(name, CheckOutcome.NOT_APPLICABLE, evidence);
    }

    public static CheckResult of(String name, boolean passed, String evidence) {
        return passed ? pass(name, evidence) : fail(name, evidence);
    }

    public boolean failed() {
        return outcome == CheckOutcome.FAIL;
    }
}
