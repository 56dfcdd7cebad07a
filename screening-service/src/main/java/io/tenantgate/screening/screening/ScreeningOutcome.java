package io.tenantgate.screening.screening;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a screening: matches per party, ownership and jurisdiction findings, the lists used and the
 * newest list change among them.
 */
public record ScreeningOutcome(List<PartyMatch> matches, List<OwnershipFinding> ownershipFindings,
                               List<JurisdictionFinding> jurisdictionFindings, List<ListVersionUsed> listVersions,
                               double threshold, long listChangeId) {

    /** One list entry that matched one party of the request. */
    public record PartyMatch(String partyReference, String entryKey, List<String> sources, String entityNumber,
                             String entryType, String primaryName, String matchedName, double score,
                             double nameScore, List<String> programs, String licenseRequirement,
                             String licensePolicy, String federalRegisterNotice, boolean addressOnly,
                             Explanation explanation) {
    }

    public record Explanation(String queryName, String listName, List<TokenPair> tokenPairs, List<Fact> facts,
                              String summary) {
    }

    public record TokenPair(String queryToken, String listToken, double score, String method) {
    }

    /**
     * A fact besides the name; a positive weight agreed, a negative one conflicted. {@code conclusive}: a listed
     * e-mail, phone, wallet or long document number, the listed party's whatever the name.
     */
    public record Fact(String fact, String queryValue, String listValue, double weight, boolean conclusive) {
    }

    /** LISTED_OWNER (25 % or control) or AGGREGATE_50 (OFAC 50 % rule, BIS affiliates rule). */
    public record OwnershipFinding(String rule, String partyReference, double aggregatePercentage,
                                   List<Chain> chains) {
    }

    /** From the screened party up to the listed owner. */
    public record Chain(List<String> partyReferences, double effectivePercentage, boolean control, String entryKey) {
    }

    public record JurisdictionFinding(String partyReference, String country, String basis) {
    }

    public record ListVersionUsed(String source, long version, String checksum, int entryCount,
                                  OffsetDateTime importedAt, String origin) {
    }
}
