package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.Optional;

/**
 * @param e164   the number in E.164 form when it is valid
 * @param region ISO alpha-2 region of the number ("001" for non-geographic numbers such as satellite services)
 * @param type   libphonenumber's line type (MOBILE, FIXED_LINE, VOIP, ...)
 */
public record PhoneVerification(CheckResult check, Optional<String> e164, Optional<String> region, Optional<String> type) {
}
