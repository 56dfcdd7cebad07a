package io.tenantgate.benchmarks;

import io.tenantgate.suite.SuiteSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of a load generator's own suite: ports from {@code --port-base} and folders under
 * {@code --suite-dir}, apart from a developer's {@code ./tenantgate up}.
 */
final class OwnSuite {

    static final String USAGE = """
            Own suite (the default):
              --repo DIR           repository root with the packaged services (default .)
              --suite-dir DIR      its state and logs (default %s)
              --keycloak-cache DIR the unpacked Keycloak distribution (default <suite-dir>/cache)
              --port-base N        ports N+432 PostgreSQL, N+180/N+190 Keycloak, N+81..N+84 services (default %d)
            """;

    private OwnSuite() {
    }

    static SuiteSettings settings(Options options, String defaultDir, int defaultBase) {
        Path suiteDir = Path.of(options.text("--suite-dir", defaultDir)).toAbsolutePath();
        int base = options.positive("--port-base", defaultBase);
        return SuiteSettings.parse(Path.of(options.text("--repo", ".")).toAbsolutePath().normalize(),
                List.of("--home", suiteDir.resolve("home").toString(),
                        "--cache", options.text("--keycloak-cache", suiteDir.resolve("cache").toString()),
                        "--postgres-port", String.valueOf(base + 432),
                        "--keycloak-port", String.valueOf(base + 180),
                        "--keycloak-management-port", String.valueOf(base + 190),
                        "--screening-port", String.valueOf(base + 81),
                        "--identity-port", String.valueOf(base + 82),
                        "--reporting-port", String.valueOf(base + 83),
                        "--regulator-port", String.valueOf(base + 84)));
    }
}
