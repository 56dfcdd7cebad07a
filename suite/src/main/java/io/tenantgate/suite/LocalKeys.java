package io.tenantgate.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Keys a service keeps data under, generated once per home folder and kept there (owner-readable only):
 * unlike client secrets they cannot change between starts, or the stored data would no longer open.
 * Production takes them from Kubernetes Secrets instead.
 */
final class LocalKeys {

    private static final String FILE = "local-keys.properties";

    private LocalKeys() {
    }

    /**
     * The keys of one home, by service module: private ones as environment variables (out of the process
     * table), public ones as system properties.
     */
    record Keys(Map<String, Map<String, String>> environment, Map<String, Map<String, String>> properties) {

        /** Public keys of report signatures (X.509 DER, base64) by key id, as reporting-service is given them. */
        Map<String, String> reportVerificationKeys() {
            Map<String, String> byId = new LinkedHashMap<>();
            properties.getOrDefault("reporting-service", Map.of()).forEach((name, value) -> {
                if (name.startsWith(VERIFICATION_KEY_PREFIX)) {
                    byId.put(name.substring(VERIFICATION_KEY_PREFIX.length()), value);
                }
            });
            return byId;
        }
    }

    private static final String VERIFICATION_KEY_PREFIX = "tenantgate.reports.verification-keys.";

    static Keys load(Path home) {
        Path file = home.resolve(FILE);
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    keys.load(in);
                }
            }
            if (keys.getProperty("TENANTGATE_IDENTITY_ENCRYPTION_KEYS") == null
                    || keys.getProperty("TENANTGATE_REPORTS_SIGNING_KEY") == null
                    || keys.getProperty("TENANTGATE_REPORTS_ENCRYPTION_KEYS") == null) {
                // only what is missing: the keys a home already has keep its stored data readable
                generate().forEach(keys::putIfAbsent);
                Files.createDirectories(home);
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    keys.store(out, "Keys of this local TenantGate; losing them makes its stored personal data unreadable");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local keys in " + file, e);
        }
        return new Keys(Map.of("identity-service", withPrefix(keys, "TENANTGATE_IDENTITY_"),
                "reporting-service", withPrefix(keys, "TENANTGATE_REPORTS_")),
                Map.of("reporting-service", Map.of(VERIFICATION_KEY_PREFIX + REPORT_KEY_ID,
                        keys.getProperty(REPORT_PUBLIC_KEY))));
    }

    private static final String REPORT_KEY_ID = "local-reports-1";
    private static final String REPORT_PUBLIC_KEY = "reports.public-key";

    private static Map<String, String> withPrefix(Properties keys, String prefix) {
        Map<String, String> selected = new LinkedHashMap<>();
        keys.stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted()
                .forEach(name -> selected.put(name, keys.getProperty(name)));
        return selected;
    }

    private static Map<String, String> generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        KeyPair signing = ed25519();
        keys.put("TENANTGATE_REPORTS_SIGNING_KEY", Base64.getEncoder().encodeToString(signing.getPrivate().getEncoded()));
        keys.put("TENANTGATE_REPORTS_SIGNING_KEY_ID", REPORT_KEY_ID);
        keys.put(REPORT_PUBLIC_KEY, Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()));
        keys.put("TENANTGATE_REPORTS_ENCRYPTION_KEYS", "local-reports-1:" + randomKey(random));
        keys.put("TENANTGATE_REPORTS_ENCRYPTION_ACTIVE_KEY_ID", "local-reports-1");
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_KEYS", "local-1:" + randomKey(random));
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_ACTIVE_KEY_ID", "local-1");
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_FINGERPRINT_KEY", randomKey(random));
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_FINGERPRINT_KEY_ID", "local-fp-1");
        return keys;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", impossible);
        }
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
