package io.tenantgate.screening.engine.ownership;

import java.util.List;

/**
 * A path of ownership from a listed party down to the screened party, e.g. [LISTED, HOLDCO, CUSTOMER],
 * with the product of the percentages along it and whether every link carries control or a majority.
 */
public record OwnershipChain(List<String> parties, double effectivePercent, boolean controlled) {
    public OwnershipChain {
        parties = List.copyOf(parties);
    }

    public String listedParty() {
        return parties.get(0);
    }
}
