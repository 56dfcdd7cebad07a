package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.Optional;

/**
 * @param country  ISO alpha-2 of the country that issued the account (a payment country signal)
 * @param lastFour the last four characters of the IBAN: the full account number is not kept in results
 */
public record IbanVerification(CheckResult check, Optional<String> country, Optional<String> lastFour) {
}
