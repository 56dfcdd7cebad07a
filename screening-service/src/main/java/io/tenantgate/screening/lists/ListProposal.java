package io.tenantgate.screening.lists;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An uploaded list file as stored while it waits for a second person, and after the decision. */
public record ListProposal(UUID id, ListFeed feed, String checksum, int entryCount, String origin, String proposedBy,
                           OffsetDateTime proposedAt, Status status, String decidedBy, OffsetDateTime decidedAt,
                           Long listVersionId) {

    public enum Status { PENDING, APPROVED, REJECTED }
}
