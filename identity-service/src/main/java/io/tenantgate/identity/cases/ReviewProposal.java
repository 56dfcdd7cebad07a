package io.tenantgate.identity.cases;

import java.time.OffsetDateTime;

/** The first reviewer's clearance of a high-risk case, waiting for a second person. */
public record ReviewProposal(String proposedBy, String reason, OffsetDateTime at) {
}
