package io.tenantgate.identity.client;

import java.util.List;

/** What screening-service found for a customer and its owners, without gRPC types. */
public record ScreeningSummary(List<Hit> hits, List<OwnershipFinding> ownershipFindings,
                               List<JurisdictionFinding> jurisdictionFindings, List<String> listVersions,
                               double threshold) {

    /**
     * One list entry matched by one party ("customer", or an owner's reference such as "customer/owner0"), with the
     * score of the names alone and the facts that agreed or conflicted (absent from screenings stored before they
     * were kept: such a hit reads as a match on the name alone).
     */
    public record Hit(String partyReference, String entryKey, List<String> sources, double score, String matchedName,
                      String explanation, double nameScore, boolean addressOnly, List<Fact> facts) {

        public Hit {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /** A fact besides the name as screening-service compared it ("date_of_birth", "nationality", "id_passport", ...). */
    public record Fact(String fact, boolean agrees, String queryValue, String listValue, boolean conclusive) {
    }

    /** {@code control}: some chain to the listed owner is controlling at every link. */
    public record OwnershipFinding(String rule, double aggregatePercentage, List<List<String>> chains, boolean control) {
    }

    public record JurisdictionFinding(String partyReference, String country, String basis) {
    }
}
