package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.List;
import java.util.Optional;

/**
 * The checks run on one identity document.
 *
 * @param issuingCountry ISO alpha-2 of the issuing state when the MRZ names a country (a country signal)
 * @param mrz            the parsed zone, for fingerprinting the document number; its toString masks the number
 */
public record DocumentVerification(List<CheckResult> checks, Optional<String> issuingCountry, Optional<Mrz> mrz) {

    public DocumentVerification {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::failed);
    }
}
