package io.tenantgate.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** The environment of each service that needs keys, by module name. */
    static Map<String, Map<String, String>> load(Path home) {
        Path file = home.resolve(FILE);
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    keys.load(in);
                }
            }
            if (keys.getProperty("TENANTGATE_IDENTITY_ENCRYPTION_KEYS") == null) {
                keys.putAll(generate());
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
        Map<String, String> identity = new LinkedHashMap<>();
        keys.stringPropertyNames().stream().filter(name -> name.startsWith("TENANTGATE_IDENTITY_"))
                .forEach(name -> identity.put(name, keys.getProperty(name)));
        return Map.of("identity-service", identity);
    }

    private static Map<String, String> generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_KEYS", "local-1:" + randomKey(random));
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_ACTIVE_KEY_ID", "local-1");
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_FINGERPRINT_KEY", randomKey(random));
        keys.put("TENANTGATE_IDENTITY_ENCRYPTION_FINGERPRINT_KEY_ID", "local-fp-1");
        return keys;
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
