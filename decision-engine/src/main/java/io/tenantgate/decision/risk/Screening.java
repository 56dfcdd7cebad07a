package io.tenantgate.decision.risk;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the case's parties were screened, and what came back.
 *
 * @param partiesRequired the customer, every owner and the reseller
 * @param partiesScreened those screening-service answered for
 * @param ownershipBlocks why listed parties own 50 % or more of the customer in aggregate (OFAC 50 % rule, BIS
 *                        affiliates rule), as screening-service explained it; empty when they do not
 */
public record Screening(Set<String> partiesRequired, Set<String> partiesScreened, List<ListHit> hits,
                        List<String> ownershipBlocks) {

    public Screening {
        partiesRequired = Set.copyOf(partiesRequired);
        partiesScreened = Set.copyOf(partiesScreened);
        hits = List.copyOf(hits);
        ownershipBlocks = List.copyOf(ownershipBlocks);
    }

    public Screening(Set<String> partiesRequired, Set<String> partiesScreened, List<ListHit> hits) {
        this(partiesRequired, partiesScreened, hits, List.of());
    }

    public static Screening notPerformed(Set<String> partiesRequired) {
        return new Screening(partiesRequired, Set.of(), List.of(), List.of());
    }

    /** Nobody to screen is not "screened": an empty case cannot be approved either. */
    public boolean complete() {
        return !partiesRequired.isEmpty() && partiesScreened.containsAll(partiesRequired);
    }

    public Set<String> partiesNotScreened() {
        return partiesRequired.stream().filter(p -> !partiesScreened.contains(p))
                .collect(Collectors.toUnmodifiableSet());
    }
}
