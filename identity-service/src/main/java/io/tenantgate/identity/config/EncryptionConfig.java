package io.tenantgate.identity.config;

import io.smallrye.config.ConfigMapping;

/**
 * Keys for personal data at rest, from a Kubernetes Secret in production (never from a committed file).
 * Rotation: add a new key to {@code keys}, make it {@code active-key-id}, and the re-sealing job moves every
 * stored value to it; remove the old key only after the job reports nothing left under it.
 */
@ConfigMapping(prefix = "tenantgate.identity.encryption")
public interface EncryptionConfig {

    /** AES-256 keys as {@code id:base64,id:base64}. */
    String keys();

    /** The key id new values are sealed with. */
    String activeKeyId();

    /** HMAC key (base64, at least 32 bytes) for the fingerprints that find the same document on two customers. */
    String fingerprintKey();

    /** Identifies the fingerprint key; fingerprints made under another id are not compared. */
    String fingerprintKeyId();
}
