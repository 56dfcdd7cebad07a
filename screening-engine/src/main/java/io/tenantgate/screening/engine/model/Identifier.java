package io.tenantgate.screening.engine.model;

/** An identity document or other identifier, e.g. ("Passport", "BC166787", "CA"); country may be null. */
public record Identifier(String type, String number, String country) {
}
