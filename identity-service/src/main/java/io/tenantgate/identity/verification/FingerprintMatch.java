package io.tenantgate.identity.verification;

/**
 * Another customer holding an identifier with the same fingerprint.
 *
 * @param identifier what matched, for evidence ("passport issued by DE", "card ending 1111")
 */
public record FingerprintMatch(String identifier, String otherCustomerId) {
}
