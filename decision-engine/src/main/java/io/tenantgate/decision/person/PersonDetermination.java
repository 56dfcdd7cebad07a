package io.tenantgate.decision.person;

import java.util.List;
import java.util.Optional;

/**
 * @param foreignControlled a US person status that the ownership look-through found to be foreign-owned or
 *                          -controlled: the status stays US (that is the law), the fact is reported
 * @param ownership         the look-through of an organisation's owners
 */
public record PersonDetermination(PersonStatus status, List<String> reasons, List<Finding> findings,
                                  boolean foreignControlled, Optional<OwnershipAnalysis> ownership) {

    public PersonDetermination {
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
    }

    public boolean hasConflicts() {
        return findings.stream().anyMatch(f -> f.kind() == FindingKind.SIGNAL_CONFLICT);
    }
}
