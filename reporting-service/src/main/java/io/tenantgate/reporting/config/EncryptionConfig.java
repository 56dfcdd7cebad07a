package io.tenantgate.reporting.config;

import io.smallrye.config.ConfigMapping;

/** The AES-256 keys that seal report contents at rest ({@code id:base64,...}) and the one new contents use. */
@ConfigMapping(prefix = "tenantgate.reports.encryption")
public interface EncryptionConfig {

    String keys();

    String activeKeyId();
}
