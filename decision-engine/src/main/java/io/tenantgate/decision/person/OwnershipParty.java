package io.tenantgate.decision.person;

import java.util.Set;

/**
 * One owner at any layer, with the share of the customer it holds through every layer above it.
 *
 * @param effectivePercent product of the percentages along its path
 * @param layer            1 for a direct owner, 2 for an owner's owner, ...
 * @param controlling      declared control, held through a chain of controlling or majority owners
 */
public record OwnershipParty(String name, PartyKind kind, Set<String> countries, boolean usPerson,
                             double effectivePercent, int layer, boolean controlling) {
}
