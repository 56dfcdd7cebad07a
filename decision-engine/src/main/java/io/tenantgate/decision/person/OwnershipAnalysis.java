package io.tenantgate.decision.person;

import java.util.List;

/**
 * What the declared ownership tree says about who is behind an organisation.
 *
 * @param foreignPercent share held by foreign persons, counted at the first foreign party on each path
 * @param unknownPercent share held by parties whose country was not declared (and not already foreign above)
 * @param layers         depth of the deepest declared owner
 */
public record OwnershipAnalysis(List<OwnershipParty> parties, double foreignPercent, double unknownPercent, int layers) {

    public OwnershipAnalysis {
        parties = List.copyOf(parties);
    }

    public List<OwnershipParty> controllingForeignParties() {
        return parties.stream().filter(p -> p.controlling() && !p.usPerson() && !p.countries().isEmpty()).toList();
    }

    public List<OwnershipParty> partiesOfUnknownCountry() {
        return parties.stream().filter(p -> p.countries().isEmpty() && !p.usPerson()).toList();
    }
}
