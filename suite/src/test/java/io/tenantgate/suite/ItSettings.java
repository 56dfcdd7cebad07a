package io.tenantgate.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.List;

/** Settings for suites started by the end-to-end tests: ports and folders apart from a developer's `up`. */
final class ItSettings {

    private ItSettings() {
    }

    static Path repo() {
        return Path.of(System.getProperty("tenantgate.repo", "..")).toAbsolutePath().normalize();
    }

    static Path itDir() {
        return Path.of(System.getProperty("tenantgate.it.dir", "target/it")).toAbsolutePath().normalize();
    }

    /** Every suite the tests start shares one Keycloak download, used by one suite at a time. */
    static Path cache() {
        return itDir().resolve("cache");
    }

    /** A test suite starts from an empty database: state left by an earlier run must not decide a test. */
    static void clearState(String home) {
        Path data = itDir().resolve(home).resolve("postgres");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + data, e);
        }
    }

    /** Options for a suite whose ports start at {@code base} (base+432 PostgreSQL, base+180 Keycloak, ...). */
    static List<String> options(String home, int base) {
        List<String> options = new java.util.ArrayList<>(List.of("--home", itDir().resolve(home).toString(),
                "--cache", cache().toString(), "--start-timeout", "300"));
        options.addAll(SuiteSettings.portOptions(base));
        return options;
    }
}
