package io.tenantgate.identity.rescreening;

import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.cases.CaseRepository;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.outbox.CaseEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What re-screening a stored case against one list change does to the case. */
@ApplicationScoped
public class RescreenedCases {

    /** The decisions whose stored screening follows list changes: a rejected or unscreened case has nothing to follow. */
    static final Set<Decision> RESCREENED = EnumSet.of(Decision.APPROVED, Decision.REVIEW, Decision.PENDING_INFO);

    private final CaseRepository cases;
    private final CaseService decisions;
    private final CaseEvents events;

    public RescreenedCases(CaseRepository cases, CaseService decisions, CaseEvents events) {
        this.cases = cases;
        this.decisions = decisions;
        this.events = events;
    }

    /**
     * Takes in what re-screening an active case against one list change found (inside the caller's
     * transaction): {@code deltaHits} are the matches of its parties against the entries the change added or
     * changed. Entries whose content changed are no longer cleared; a match that is neither known nor cleared
     * reopens the case for review; a case waiting for information keeps it for when the data arrives, unless it
     * decides the case now. The stored screening keeps its hits on entries the change did not touch and takes
     * the change's hits in their place.
     *
     * @return true when the case was reopened for review or decided
     */
    public boolean takeIn(UUID id, ListDelta change, List<ScreeningSummary.Hit> deltaHits) {
        CustomerCase subject = cases.findById(id);
        if (subject == null || subject.closedAt != null || !RESCREENED.contains(subject.decision)) {
            return false;
        }
        java.util.Set<String> changedKeys = new java.util.HashSet<>(change.changed());
        List<String> stillCleared = subject.clearedEntries.stream().filter(key -> !changedKeys.contains(key)).toList();
        java.util.Set<String> known = new java.util.HashSet<>(stillCleared);
        if (subject.screening != null) {
            subject.screening.hits().forEach(hit -> known.add(hit.entryKey()));
        }
        List<ScreeningSummary.Hit> fresh = deltaHits.stream().filter(hit -> !known.contains(hit.entryKey())).toList();
        if (fresh.isEmpty() && stillCleared.size() == subject.clearedEntries.size()) {
            return false; // nothing new: the case stays as it is
        }
        subject.clearedEntries = stillCleared;
        subject.screening = subject.screening == null
                ? new ScreeningSummary(List.of(), List.of(), List.of(), List.of(), 0, 0).withDelta(change, deltaHits)
                : subject.screening.withDelta(change, deltaHits);
        if (!fresh.isEmpty() && subject.decision == Decision.PENDING_INFO) {
            // the match counts once the missing data arrives, unless it decides the case already
            decisions.reassess(subject, "rescreening", "list change " + change.changeId() + " brought a new potential match");
        } else if (!fresh.isEmpty()) {
            List<String> reasons = new java.util.ArrayList<>();
            fresh.forEach(hit -> reasons.add(String.format(java.util.Locale.ROOT,
                    "list change %d: new potential match of %s with %s (%s), score %.3f", change.changeId(),
                    hit.partyReference(), hit.entryKey(), String.join("/", hit.sources()), hit.score())));
            reasons.addAll(subject.reasons);
            boolean wasApproved = subject.decision == Decision.APPROVED;
            subject.decision = Decision.REVIEW;
            subject.reasons = reasons;
            subject.reviewProposal = null;
            events.publish(subject.eventSubject(), "DECISION", "rescreening", reasons);
            if (wasApproved) {
                // the customer may be running compute now: the provider should pause it until the review ends
                events.reopened(subject.eventSubject(), reasons);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("listChange", change.changeId());
        detail.put("newMatches", fresh.stream().map(ScreeningSummary.Hit::entryKey).toList());
        detail.put("decision", subject.decision.name());
        decisions.record(subject, "rescreening", "rescreened", detail);
        return !fresh.isEmpty() && subject.decision != Decision.PENDING_INFO;
    }

}
