package io.tenantgate.identity.person;

public enum PartyKind {
    INDIVIDUAL,
    ORGANISATION
}
