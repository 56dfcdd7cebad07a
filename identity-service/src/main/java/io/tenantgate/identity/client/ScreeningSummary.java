package io.tenantgate.identity.client;

import java.util.List;

/** What screening-service found for a customer and its owners, without gRPC types. */
public record ScreeningSummary(List<Hit> hits, List<OwnershipFinding> ownershipFindings,
                               List<JurisdictionFinding> jurisdictionFindings, List<String> listVersions,
                               double threshold) {

    /** One list entry matched by one party ("customer", or an owner's reference such as "customer/owner0"). */
    public record Hit(String partyReference, String entryKey, List<String> sources, double score, String matchedName,
                      String explanation) {
    }

    public record OwnershipFinding(String rule, double aggregatePercentage, List<List<String>> chains) {
    }

    public record JurisdictionFinding(String partyReference, String country, String basis) {
    }
}
