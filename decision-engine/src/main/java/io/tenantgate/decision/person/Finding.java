package io.tenantgate.decision.person;

/** Something an analyst should see about the US / foreign decision, whatever the status ended up being. */
public record Finding(FindingKind kind, String detail) {
}
