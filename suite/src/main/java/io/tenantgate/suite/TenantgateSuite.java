package io.tenantgate.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: embedded PostgreSQL, Keycloak with the tenantgate realm, and the three
 * services from their packaged jars. Used by {@code ./tenantgate up} and by the end-to-end tests alike.
 * Closing it stops everything it started, newest first, by process id.
 */
public final class TenantgateSuite implements AutoCloseable {

    /** Onboarding integrations and metering have no service of their own here; their secrets are printed. */
    public static final List<String> DEMO_CLIENTS = List.of("onboarding-demo", "metering-demo");
    public static final String KEYCLOAK_ADMIN = "admin";

    private final SuiteSettings settings;
    private final Map<String, String> clientSecrets;
    /** The local Keycloak's administrator (user {@value #KEYCLOAK_ADMIN}), new on every start, like the client secrets. */
    private final String keycloakAdminPassword = randomSecret(new SecureRandom());
    private final Path lock;
    private final Instant openedAt = Instant.now();
    private Duration startupTime;
    private EmbeddedDatabase database;
    private RegulatorSandbox regulator;
    private LocalKeys.Keys localKeys;
    private ManagedProcess keycloak;
    private final Map<Replica, ManagedProcess> services = Collections.synchronizedMap(new java.util.TreeMap<>());
    private boolean closed;

    private TenantgateSuite(SuiteSettings settings, Map<String, String> clientSecrets, Path lock) {
        this.settings = settings;
        this.clientSecrets = clientSecrets;
        this.lock = lock;
    }

    /**
     * Claims the home folder (one suite per home) without starting anything yet, so a caller can arrange
     * for {@link #close()} before {@link #start()} begins.
     */
    public static TenantgateSuite open(SuiteSettings settings) {
        missingServiceJars(settings).ifPresent(missing -> {
            throw new IllegalStateException("not built: " + missing + ". Run ./mvnw package -DskipTests first.");
        });
        Path lock = acquireLock(settings.home());
        SuiteState.stopLeftovers(settings);
        return new TenantgateSuite(settings, generateSecrets(), lock);
    }

    /** Starts everything and waits until each part is ready; on failure, stops what did start. */
    public TenantgateSuite start() {
        try {
            checkPortsFree();
            localKeys = LocalKeys.load(settings.home());
            regulator = launch(() -> RegulatorSandbox.start(settings.regulatorPort(), settings.home(),
                    localKeys.reportVerificationKeys()));
            database = launch(() -> EmbeddedDatabase.start(settings));
            KeycloakServer.clearStore(settings);
            startKeycloak();
            CompletableFuture.allOf(replicas().stream()
                    .map(replica -> CompletableFuture.runAsync(() -> startService(replica)))
                    .toArray(CompletableFuture[]::new)).join();
            Map<String, Long> pids = new LinkedHashMap<>(Map.of("launcher", ProcessHandle.current().pid()));
            pids.putAll(pids());
            SuiteState.write(settings.home(), pids);
            writeDemoSecrets();
            startupTime = Duration.between(openedAt, Instant.now());
            return this;
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts one part unless the suite is being closed; close() waits for a start in progress. */
    private synchronized <T> T launch(Supplier<T> starter) {
        if (closed) {
            throw new IllegalStateException("TenantGate is stopping");
        }
        return starter.get();
    }

    /** Every replica of every service the settings ask for. */
    private List<Replica> replicas() {
        List<Replica> all = new ArrayList<>();
        for (Service service : Service.values()) {
            for (int number = 0; number < settings.replicas(); number++) {
                all.add(new Replica(service, number));
            }
        }
        return all;
    }

    private void startService(Replica replica) {
        Service service = replica.service();
        Path jar = serviceJar(settings, service);
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx512m",
                "-Dquarkus.http.port=" + settings.servicePort(service, replica.number()),
                "-Dquarkus.management.port=" + settings.managementPort(service, replica.number()),
                // Swagger UI (on the management port) sends "try it out" requests to the API port
                "-Dquarkus.smallrye-openapi.servers=" + settings.serviceUrl(service, replica.number()),
                "-Dquarkus.http.cors.enabled=true",
                "-Dquarkus.http.cors.origins=" + settings.managementUrl(service, replica.number()),
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(service.database()),
                "-Dtenantgate.keycloak.url=" + settings.keycloakUrl(),
                "-Dtenantgate.reports.filing.url=" + RegulatorSandbox.filingUrl(settings.regulatorPort()),
                "-Dquarkus.log.console.json.enabled=false",
                // Marks the process as this suite's, for people and tests looking at the process table.
                "-Dtenantgate.home=" + settings.home()));
        // Every caller reaches every replica of its peers: client-side load balancing over a static list.
        for (Service peer : Service.values()) {
            String client = "-Dquarkus.grpc.clients." + peer.grpcClient();
            String stork = "-Dquarkus.stork." + peer.module() + ".";
            command.addAll(List.of(client + ".host=" + peer.module(), client + ".name-resolver=stork",
                    stork + "service-discovery.type=static",
                    stork + "service-discovery.address-list=" + settings.serviceAddresses(peer),
                    stork + "load-balancer.type=round-robin"));
        }
        if (service == Service.IDENTITY) {
            // a local suite delivers webhooks to receivers on this machine, and retries them soon
            command.addAll(List.of("-Dtenantgate.identity.webhooks.allow-http=true",
                    "-Dtenantgate.identity.webhooks.allow-private-addresses=true",
                    "-Dtenantgate.identity.webhooks.backoff-max=10s",
                    "-Dtenantgate.identity.webhooks.retry-for=" + settings.webhookRetryFor().toSeconds() + "s"));
        }
        localKeys.properties().getOrDefault(service.module(), Map.of())
                .forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.home().toFile());
        builder.environment().put("TENANTGATE_CLIENT_SECRET", clientSecrets.get(service.module()));
        builder.environment().putAll(localKeys.environment().getOrDefault(service.module(), Map.of()));
        ManagedProcess process = launch(() -> {
            ManagedProcess started = ManagedProcess.start(replica.name(), builder,
                    settings.logs().resolve(replica.name() + ".log"));
            services.put(replica, started);
            return started;
        });
        process.awaitHttpOk(settings.managementUrl(service, replica.number()) + "/q/health/ready", settings.startTimeout());
    }

    /** Stops every replica of one service, as an outage would (for failure tests); {@link #restart} brings it back. */
    public void stop(Service service) {
        for (int number = 0; number < settings.replicas(); number++) {
            stop(new Replica(service, number));
        }
    }

    /** Stops one replica (SIGTERM, then SIGKILL after a grace period, by process id). */
    public void stop(Replica replica) {
        ManagedProcess process = services.remove(replica);
        if (process != null) {
            process.stop();
        }
    }

    /** Kills one replica at once (SIGKILL), as a crashed node would. */
    public void kill(Replica replica) {
        ManagedProcess process = services.remove(replica);
        if (process != null) {
            process.kill();
        }
    }

    /** Starts every stopped replica of a service again and waits until each is ready. */
    public void restart(Service service) {
        for (int number = 0; number < settings.replicas(); number++) {
            Replica replica = new Replica(service, number);
            if (!services.containsKey(replica)) {
                startService(replica);
            }
        }
    }

    /** Starts a stopped replica again and waits until it is ready. */
    public void restart(Replica replica) {
        if (services.containsKey(replica)) {
            throw new IllegalStateException(replica.name() + " is running");
        }
        startService(replica);
    }

    /** Stops PostgreSQL, as a database outage would (for fault tests); {@link #restartDatabase} brings it back. */
    public synchronized void stopDatabase() {
        database.close();
    }

    /** Starts PostgreSQL again on its data and port; the services reconnect by themselves. */
    public synchronized void restartDatabase() {
        database = launch(() -> EmbeddedDatabase.start(settings));
    }

    /** Stops Keycloak, as an identity-provider outage would (for fault tests); {@link #restartKeycloak} brings it back. */
    public synchronized void stopKeycloak() {
        keycloak.stop();
    }

    /** Starts Keycloak again on its store: the same realm, signing keys and client secrets. */
    public synchronized void restartKeycloak() {
        startKeycloak();
    }

    private void startKeycloak() {
        keycloak = launch(() -> KeycloakServer.start(settings, keycloakEnvironment()));
        keycloak.awaitHttpOk("http://localhost:" + settings.keycloakManagementPort() + "/health/ready",
                settings.startTimeout());
        keycloak.awaitHttpOk(settings.keycloakUrl() + "/realms/tenantgate/.well-known/openid-configuration",
                settings.startTimeout());
    }

    /** One running copy of a service; the first ({@code number} 0) carries the service's own name. */
    public record Replica(Service service, int number) implements Comparable<Replica> {
        public String name() {
            return number == 0 ? service.module() : service.module() + "-" + (number + 1);
        }

        @Override
        public int compareTo(Replica other) {
            return java.util.Comparator.comparing(Replica::service).thenComparingInt(Replica::number).compare(this, other);
        }
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** How long {@link #start()} took until everything was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The generated secret of a confidential Keycloak client (a service or a demo integration). */
    public String clientSecret(String clientId) {
        String secret = clientSecrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no such client: " + clientId);
        }
        return secret;
    }

    /** The password of the local Keycloak's administrator {@value #KEYCLOAK_ADMIN} (master realm; admin console, admin API). */
    public String keycloakAdminPassword() {
        return keycloakAdminPassword;
    }

    /** Process ids of everything the suite started, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("postgres", database.pid());
        pids.put("keycloak", keycloak.pid());
        services.forEach((replica, process) -> pids.put(replica.name(), process.pid()));
        return pids;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ManagedProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ManagedProcess::stop);
        if (keycloak != null) {
            keycloak.stop();
        }
        if (database != null) {
            database.close();
        }
        if (regulator != null) {
            regulator.close();
        }
        services.clear();
        try {
            Files.deleteIfExists(demoSecretsFile(settings.home()));
            Files.deleteIfExists(SuiteState.file(settings.home()));
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            System.err.println("could not remove " + lock + ": " + e.getMessage());
        }
    }

    static Optional<String> missingServiceJars(SuiteSettings settings) {
        String missing = java.util.Arrays.stream(Service.values())
                .map(s -> serviceJar(settings, s))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .collect(Collectors.joining(", "));
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
    }

    private static Path serviceJar(SuiteSettings settings, Service service) {
        return settings.repo().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * One suite per home folder. The lock file holds the owner's process id, so a lock left by a crashed
     * run is recognised as stale and taken over.
     */
    private static Path acquireLock(Path home) {
        Path lock = home.resolve("suite.pid");
        try {
            Files.createDirectories(home);
            if (Files.exists(lock)) {
                String owner = Files.readString(lock, StandardCharsets.UTF_8).trim();
                Optional<ProcessHandle> alive = parsePid(owner).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
                if (alive.isPresent()) {
                    throw new AlreadyRunningException("TenantGate is already running from " + home + " (process "
                            + owner + "). Stop it first: press Ctrl-C in its terminal, or run: kill " + owner);
                }
            }
            Files.writeString(lock, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + lock + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", settings.postgresPort());
        ports.put("Keycloak", settings.keycloakPort());
        ports.put("Keycloak management", settings.keycloakManagementPort());
        for (Replica replica : replicas()) {
            ports.put(replica.name(), settings.servicePort(replica.service(), replica.number()));
            ports.put(replica.name() + " management", settings.managementPort(replica.service(), replica.number()));
        }
        ports.forEach((what, port) -> {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("localhost", port));
            } catch (IOException inUse) {
                throw new IllegalStateException("port " + port + " for " + what
                        + " is in use; free it or choose another with the matching --...-port option");
            }
        });
    }

    private Map<String, String> keycloakEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        clientSecrets.forEach((client, secret) ->
                env.put("TENANTGATE_" + client.toUpperCase().replace('-', '_') + "_SECRET", secret));
        // the administrator of the master realm, created at the first start of an empty store
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", keycloakAdminPassword);
        return env;
    }

    private static Path demoSecretsFile(Path home) {
        return home.resolve("demo-client-secrets.properties");
    }

    /** The demo clients' secrets, for {@code ./tenantgate demo}: owner-readable, removed when the suite stops. */
    private void writeDemoSecrets() {
        java.util.Properties secrets = new java.util.Properties();
        DEMO_CLIENTS.forEach(client -> secrets.setProperty(client, clientSecrets.get(client)));
        Path file = demoSecretsFile(settings.home());
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                secrets.store(out, "Secrets of this run's demo clients; removed when the suite stops");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The demo clients' secrets of the suite running from {@code home}. */
    public static Map<String, String> demoSecrets(Path home) {
        Path file = demoSecretsFile(home);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("TenantGate is not running from " + home + ": start it with ./tenantgate up");
        }
        java.util.Properties secrets = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> byClient = new LinkedHashMap<>();
        secrets.stringPropertyNames().forEach(client -> byClient.put(client, secrets.getProperty(client)));
        return byClient;
    }

    /** Fresh random client secrets for every start: Keycloak's store is cleared at each start, so nothing goes stale. */
    private static Map<String, String> generateSecrets() {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            secrets.put(service.module(), randomSecret(random));
        }
        DEMO_CLIENTS.forEach(client -> secrets.put(client, randomSecret(random)));
        return secrets;
    }

    private static String randomSecret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Another suite already runs from the same home folder. */
    public static final class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
