package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.List;
import java.util.Optional;

/**
 * The checks on a payment card number. Holds the last four digits only: the full number never leaves
 * {@link CardNumberVerifier}.
 */
public record CardVerification(CheckResult number, CheckResult notTestNumber, CardBrand brand, Optional<String> lastFour) {

    public List<CheckResult> checks() {
        return List.of(number, notTestNumber);
    }
}
