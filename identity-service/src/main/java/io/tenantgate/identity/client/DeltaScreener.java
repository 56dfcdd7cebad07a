package io.tenantgate.identity.client;

import io.tenantgate.identity.cases.CaseRequest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Screens stored customers, with their owners, against only what one list change added or changed. */
public interface DeltaScreener {

    /**
     * @return the matches of each customer that matched anything, by case id; customers absent matched nothing
     * @throws RuntimeException when screening-service does not answer for the whole batch (nothing is partial)
     */
    Map<UUID, List<ScreeningSummary.Hit>> screen(long changeId, List<Subject> subjects);

    /** A stored customer: its case id, what it declared, and its document numbers and wallet addresses. */
    record Subject(UUID caseId, CaseRequest profile, List<ScreeningIdentifier> identifiers) {

        public Subject {
            identifiers = List.copyOf(identifiers);
        }
    }
}
