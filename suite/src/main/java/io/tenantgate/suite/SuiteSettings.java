package io.tenantgate.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the local suite keeps its files and which ports it uses. Every value has a default and can be
 * changed with a command-line flag ({@code --keycloak-port 8280}); see {@link #USAGE}.
 */
public record SuiteSettings(Path repo, Path home, Path cache, int postgresPort, int keycloakPort,
                            int keycloakManagementPort, int screeningPort, int identityPort, int reportingPort,
                            int regulatorPort, Duration startTimeout, int replicas, Duration webhookRetryFor) {

    /** Replica r of a service listens on the service's port + r x this. */
    static final int REPLICA_PORT_STEP = 10;
    /** A replica serves health, metrics and OpenAPI on its own port + this (its management interface). */
    static final int MANAGEMENT_PORT_OFFSET = 1000;
    static final int MAX_REPLICAS = 9;
    /** The highest port a service flag may name, so that its replicas' management ports stay valid. */
    private static final int MAX_SERVICE_PORT = 65535 - MANAGEMENT_PORT_OFFSET - REPLICA_PORT_STEP * (MAX_REPLICAS - 1);
    /** The replica each service's next {@link #serviceUrl(Service)} names. */
    private static final Map<Service, AtomicInteger> NEXT_REPLICA = new java.util.concurrent.ConcurrentHashMap<>();

    public static final String KEYCLOAK_VERSION = "26.5.6";

    static final String USAGE = """
            Options (all optional):
              --home DIR                   state: PostgreSQL data, logs, lock (default: <repo>/.tenantgate)
              --cache DIR                  downloaded Keycloak distribution (default: <home>/cache)
              --postgres-port N            embedded PostgreSQL (default 15432)
              --keycloak-port N            Keycloak HTTP (default 8180)
              --keycloak-management-port N Keycloak health endpoint (default 9180)
              --screening-port N           screening-service REST + gRPC (default 8081)
              --identity-port N            identity-service REST + gRPC (default 8082)
              --reporting-port N           reporting-service REST + gRPC (default 8083); each service
                                           serves health, metrics, OpenAPI and Swagger UI on its port + 1000
              --regulator-port N           local stand-in for the regulator's filing endpoint (default 8084)
              --start-timeout SECONDS      how long each part may take to become ready (default 240)
              --replicas N                 instances of each service, 1 to 9 (default 1); replica r listens
                                           on the service's port + 10 x r, and callers spread over all of them
              --webhook-retry-for SECONDS  how long a webhook delivery is retried before it is dead-lettered
                                           (default 86400, a day, as in production)
            """;

    private static final Set<String> FLAGS = Set.of("--home", "--cache", "--postgres-port", "--keycloak-port",
            "--keycloak-management-port", "--screening-port", "--identity-port", "--reporting-port",
            "--regulator-port", "--start-timeout", "--replicas", "--webhook-retry-for");

    public static SuiteSettings defaults(Path repo) {
        return parse(repo, List.of());
    }

    /** Reads {@code --flag value} pairs; anything else is an error that shows the usage. */
    public static SuiteSettings parse(Path repo, List<String> args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            given.put(flag, args.get(i + 1));
        }
        Path home = path(given.get("--home"), repo.resolve(".tenantgate"));
        return new SuiteSettings(repo, home, path(given.get("--cache"), home.resolve("cache")),
                port(given, "--postgres-port", 15432),
                port(given, "--keycloak-port", 8180),
                port(given, "--keycloak-management-port", 9180),
                number(given, "--screening-port", 8081, MAX_SERVICE_PORT),
                number(given, "--identity-port", 8082, MAX_SERVICE_PORT),
                number(given, "--reporting-port", 8083, MAX_SERVICE_PORT),
                port(given, "--regulator-port", 8084),
                Duration.ofSeconds(number(given, "--start-timeout", 240, Integer.MAX_VALUE)),
                number(given, "--replicas", 1, MAX_REPLICAS),
                Duration.ofSeconds(number(given, "--webhook-retry-for", 86_400, Integer.MAX_VALUE)));
    }

    /**
     * Port options for a suite beside a developer's {@code ./tenantgate up}: base+432 PostgreSQL, base+180 and
     * base+190 Keycloak, base+81 to base+83 the services, base+84 the regulator stand-in.
     */
    public static List<String> portOptions(int base) {
        return List.of("--postgres-port", String.valueOf(base + 432),
                "--keycloak-port", String.valueOf(base + 180),
                "--keycloak-management-port", String.valueOf(base + 190),
                "--screening-port", String.valueOf(base + 81),
                "--identity-port", String.valueOf(base + 82),
                "--reporting-port", String.valueOf(base + 83),
                "--regulator-port", String.valueOf(base + 84));
    }

    private static Path path(String value, Path fallback) {
        return value == null ? fallback : Path.of(value).toAbsolutePath();
    }

    private static int port(Map<String, String> given, String flag, int fallback) {
        return number(given, flag, fallback, 65535);
    }

    private static int number(Map<String, String> given, String flag, int fallback, int max) {
        String value = given.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a whole number from 1 to " + max + ", not " + value);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /**
     * The URL of one of the service's replicas, the next one at each call (round robin), so that callers of the
     * suite (the tests, the demo, the load generators) spread their requests over every replica.
     */
    public String serviceUrl(Service service) {
        int replica = Math.floorMod(NEXT_REPLICA.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(),
                replicas);
        return serviceUrl(service, replica);
    }

    public String serviceUrl(Service service, int replica) {
        return "http://localhost:" + servicePort(service, replica);
    }

    /** The port of the service's first replica. */
    public int servicePort(Service service) {
        return servicePort(service, 0);
    }

    public int servicePort(Service service, int replica) {
        int first = switch (service) {
            case SCREENING -> screeningPort;
            case IDENTITY -> identityPort;
            case REPORTING -> reportingPort;
        };
        return first + REPLICA_PORT_STEP * replica;
    }

    /** The management interface of one replica: health, metrics, the OpenAPI document, Swagger UI. */
    public String managementUrl(Service service, int replica) {
        return "http://localhost:" + managementPort(service, replica);
    }

    public int managementPort(Service service, int replica) {
        return servicePort(service, replica) + MANAGEMENT_PORT_OFFSET;
    }

    /** Where a caller finds every replica of the service: {@code localhost:port,...}, for a static Stork list. */
    public String serviceAddresses(Service service) {
        return java.util.stream.IntStream.range(0, replicas)
                .mapToObj(replica -> "localhost:" + servicePort(service, replica))
                .collect(java.util.stream.Collectors.joining(","));
    }

    public Path logs() {
        return home.resolve("logs");
    }
}
