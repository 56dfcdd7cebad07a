package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.List;
import java.util.Optional;

/**
 * @param normalised the address with its domain in lower-case ASCII (IDNs as punycode); the local part keeps its
 *                   case, which mail servers may honour
 */
public record EmailVerification(CheckResult syntax, CheckResult domain, Optional<String> normalised) {

    public List<CheckResult> checks() {
        return List.of(syntax, domain);
    }
}
