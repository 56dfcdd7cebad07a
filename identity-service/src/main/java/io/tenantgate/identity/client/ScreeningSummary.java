package io.tenantgate.identity.client;

import io.tenantgate.identity.cases.ListDelta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What screening-service found for a customer and its owners, without gRPC types. {@code listChangeId} is the
 * newest list change the screening covers (0: not known, as for screenings stored before it was kept).
 */
public record ScreeningSummary(List<Hit> hits, List<OwnershipFinding> ownershipFindings,
                               List<JurisdictionFinding> jurisdictionFindings, List<String> listVersions,
                               double threshold, long listChangeId) {

    /**
     * This screening with one later list change applied: hits on the entries the change touched give way to
     * {@code deltaHits}, the parties' matches against the entries it added or changed.
     */
    public ScreeningSummary withDelta(ListDelta change, List<Hit> deltaHits) {
        Set<String> touched = new HashSet<>(change.added());
        touched.addAll(change.changed());
        touched.addAll(change.removed());
        List<Hit> merged = new ArrayList<>();
        hits.stream().filter(hit -> !touched.contains(hit.entryKey())).forEach(merged::add);
        merged.addAll(deltaHits);
        merged.sort(Comparator.comparingDouble(Hit::score).reversed());
        List<String> versions = new ArrayList<>();
        listVersions.stream().filter(v -> !v.startsWith(change.source() + ":")).forEach(versions::add);
        versions.add(change.source() + ":" + change.version());
        return new ScreeningSummary(merged, ownershipFindings, jurisdictionFindings, versions, threshold,
                Math.max(listChangeId, change.changeId()));
    }

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
