package io.tenantgate.screening.engine.model;

/**
 * A postal address as listed. {@code country} is an ISO 3166-1 alpha-2 code, or null when the list gives none.
 */
public record Address(String text, String country) {
    public Address {
        text = text == null ? "" : text.strip();
    }
}
