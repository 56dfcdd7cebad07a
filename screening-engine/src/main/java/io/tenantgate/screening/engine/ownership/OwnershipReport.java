package io.tenantgate.screening.engine.ownership;

import java.util.List;
import java.util.Set;

/**
 * The look-through result for one party. {@code significantOwners}: chains in which a listed party holds
 * 25 % or more or controls. {@code aggregatePercent}: summed effective ownership by listed parties, which
 * blocks the party at 50 % or more (OFAC 50 % rule, BIS affiliates rule). Jurisdictions of concern among
 * the party and its owners are reported apart from list hits.
 */
public record OwnershipReport(List<OwnershipChain> listedChains, List<OwnershipChain> significantOwners,
                              double aggregatePercent, boolean blockedByAggregate, Set<String> jurisdictionsOfConcern) {
    public OwnershipReport {
        listedChains = List.copyOf(listedChains);
        significantOwners = List.copyOf(significantOwners);
        jurisdictionsOfConcern = Set.copyOf(jurisdictionsOfConcern);
    }
}
