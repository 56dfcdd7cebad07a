package io.tenantgate.benchmarks;

import io.tenantgate.suite.SuiteSettings;

import io.tenantgate.suite.TenantgateSuite;

import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> flags = new ArrayList<>(List.of("--home", suiteDir.resolve("home").toString(),
                "--cache", options.text("--keycloak-cache", suiteDir.resolve("cache").toString())));
        flags.addAll(SuiteSettings.portOptions(options.positive("--port-base", defaultBase)));
        return SuiteSettings.parse(Path.of(options.text("--repo", ".")).toAbsolutePath().normalize(), flags);
    }

    /** What a load generator measures once its suite is up; answers the exit code. */
    interface Measurement {
        int run(TenantgateSuite suite) throws Exception;
    }

    /** Starts the suite, measures, and stops the suite at the end, also on failure or Ctrl-C. */
    static int run(SuiteSettings settings, Measurement measurement) throws Exception {
        try (TenantgateSuite suite = TenantgateSuite.open(settings)) {
            Thread stopOnCtrlC = new Thread(suite::close, "stop-suite");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            System.out.println("Starting the suite (logs in " + settings.logs() + ") ...");
            suite.start();
            System.out.println("Suite ready in " + suite.startupTime().toSeconds() + " s");
            int exitCode = measurement.run(suite);
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            return exitCode;
        } finally {
            System.out.println("Suite stopped");
        }
    }
}
