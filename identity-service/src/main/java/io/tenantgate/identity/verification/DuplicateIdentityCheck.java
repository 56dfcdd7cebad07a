package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.util.List;
import java.util.stream.Collectors;

/** The same document or payment instrument on another customer suggests one identity behind several accounts. */
public final class DuplicateIdentityCheck {

    public static final String NAME = "identity.duplicate";

    private DuplicateIdentityCheck() {
    }

    /**
     * @param fingerprintsCompared how many of this customer's fingerprints were looked up
     * @param matches              the other customers found holding one of them
     */
    public static CheckResult check(int fingerprintsCompared, List<FingerprintMatch> matches) {
        if (fingerprintsCompared == 0) {
            return CheckResult.notApplicable(NAME, "no document or payment number to compare");
        }
        if (matches.isEmpty()) {
            return CheckResult.pass(NAME, "none of " + fingerprintsCompared + " document and payment fingerprints"
                    + " is held by another customer");
        }
        return CheckResult.fail(NAME, matches.stream()
                .map(m -> m.identifier() + " also on customer " + m.otherCustomerId())
                .collect(Collectors.joining("; ")));
    }
}
