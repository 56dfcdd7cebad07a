package io.tenantgate.identity.verification;

/**
 * A keyed fingerprint of an identifier: equal values under the same key mean the same identifier.
 *
 * @param keyId which key made it, so fingerprints made before a key rotation are recognised as such
 * @param value lower-case hex HMAC-SHA256
 */
public record Fingerprint(IdentifierKind kind, String keyId, String value) {
}
