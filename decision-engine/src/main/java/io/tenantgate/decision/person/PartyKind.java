package io.tenantgate.decision.person;

public enum PartyKind {
    INDIVIDUAL,
    ORGANISATION
}
