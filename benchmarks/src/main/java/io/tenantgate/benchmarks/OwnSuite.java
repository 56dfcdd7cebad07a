package io.tenantgate.benchmarks;

import io.tenantgate.suite.SuiteSettings;

import io.tenantgate.suite.TenantgateSuite;

import io.tenantgate.suite.Service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
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

    /** A measurement against a service at host:port, with a confidential client's secret; answers the exit code. */
    interface Target {
        int measure(String host, int port, String keycloakUrl, String clientSecret) throws Exception;
    }

    /**
     * Measures against a suite that is already running when {@code --port} is given (with
     * {@code --client-secret}, {@code --host}, {@code --keycloak-url}), else against the generator's own suite.
     */
    static int runAgainst(Options options, String usage, String defaultDir, int defaultBase, Service service,
                          String client, Target target) throws Exception {
        if (options.text("--port").isPresent()) {
            String secret = options.text("--client-secret")
                    .orElseThrow(() -> new IllegalArgumentException("--port needs --client-secret\n" + usage));
            return target.measure(options.text("--host", "localhost"), options.positive("--port", 0),
                    options.text("--keycloak-url", "http://localhost:8180"), secret);
        }
        SuiteSettings settings = settings(options, defaultDir, defaultBase);
        return run(settings, suite -> target.measure("localhost", settings.servicePort(service), settings.keycloakUrl(),
                suite.clientSecret(client)));
    }

    /** Load stays on this machine: refuses any host that is not a loopback address. */
    static void requireLoopback(String host) throws IOException {
        if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("load is sent over loopback only, not to " + host);
        }
    }

    /** The machine's load averages, written beside every figure since the machine may be shared. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
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
