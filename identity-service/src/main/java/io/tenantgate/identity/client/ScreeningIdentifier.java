package io.tenantgate.identity.client;

/**
 * A document number or wallet address a customer gave, screened beside its names: the lists file the passports,
 * registrations and digital currency addresses of listed parties, and an exact match on one is conclusive.
 *
 * @param type           "passport", "national_id", "registration" or "digital currency address"
 * @param number         as the customer gave it; screening compares numbers without spaces and punctuation
 * @param issuingCountry ISO 3166-1 alpha-2, or null when not known
 */
public record ScreeningIdentifier(String type, String number, String issuingCountry) {
}
