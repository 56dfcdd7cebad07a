package io.tenantgate.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.suite.ListReplacement;
import io.tenantgate.suite.Service;
import io.tenantgate.suite.SuiteDatabases;
import io.tenantgate.suite.SuiteSettings;
import io.tenantgate.suite.TenantgateSuite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Soak test of the whole suite, two replicas of each service, under a steady mixed workload for many minutes:
 * does anything drift or leak over time? From a few threads, at fixed rates, it signs customers up (each with
 * its own idempotency key), appends access events to cases it opened, reports usage of one training run, reads
 * the regulator's report list, and uploads a new internal list once a minute. It measures every request's
 * outcome and latency (count, p50 and p99 per kind), and each service process's resident memory once a
 * minute, which should stay flat. At the end it reads the three databases directly: every sign-up answered
 * with an id is exactly that one case, no case waits for screening, every outbox event was sent and is held by
 * reporting-service, the run's records and total match what was accepted, and every list change reached
 * identity-service. It exits 0 only with no error and a reconciliation that holds.
 */
public final class SoakLoad {

    private static final String SUITE_DIR = "benchmarks/target/soak-suite";
    private static final int PORT_BASE = 25000;

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.SoakLoad [options]
              --minutes M              length of the soak (default 10)
              --signups-per-second N   sign-ups per second (default 5); access-event and usage batches go at the
                                       same rate, a regulator's read once a second, a list update once a minute
            %s  The suite runs two replicas of each service, the second ones on ports N+91..N+93.
            """.formatted(OwnSuite.USAGE.formatted(SUITE_DIR, PORT_BASE));

    private static final int REPLICAS = 2;
    private static final int LOAD_THREADS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Tokens live 300 s. */
    private static final Duration TOKEN_REFRESH = Duration.ofSeconds(200);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);
    private static final int ERRORS_SHOWN = 10;
    private static final int RECORDS_PER_USAGE_BATCH = 5;
    /** 64 accelerators of 10^15 op/s can do 2.3x10^20 operations in the hour a record covers. */
    private static final double OPERATIONS_PER_RECORD = 1e20;
    private static final String CLUSTER = "soak-cluster";
    private static final String RUN = "soak-run";
    private static final String LIST_HEADER = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n";

    private final TenantgateSuite suite;
    private final SuiteSettings settings;
    private final int minutes;
    private final int signUpsPerSecond;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String account = "soak-acct-" + tag;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final FreshToken onboarding;
    private final FreshToken metering;
    private final FreshToken operator;
    private final FreshToken supervisor;
    private final FreshToken regulator;
    private final Map<String, Tally> tallies = new ConcurrentSkipListMap<>();
    private final AtomicInteger errorsSeen = new AtomicInteger();
    private final Map<String, String> caseIdsByKey = new ConcurrentHashMap<>();
    private final List<String> caseIds = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger signUpsSent = new AtomicInteger();
    private final AtomicInteger usageBatchesSent = new AtomicInteger();
    private final AtomicInteger listUpdatesSent = new AtomicInteger();
    private final AtomicLong usageRecordsAccepted = new AtomicLong();

    private SoakLoad(TenantgateSuite suite, int minutes, int signUpsPerSecond) {
        this.suite = suite;
        this.settings = suite.settings();
        this.minutes = minutes;
        this.signUpsPerSecond = signUpsPerSecond;
        String keycloak = settings.keycloakUrl();
        onboarding = new FreshToken(() -> KeycloakTokens.clientCredentials(keycloak, "onboarding-demo",
                suite.clientSecret("onboarding-demo")));
        metering = new FreshToken(() -> KeycloakTokens.clientCredentials(keycloak, "metering-demo",
                suite.clientSecret("metering-demo")));
        operator = new FreshToken(() -> KeycloakTokens.user(keycloak, "operator"));
        regulator = new FreshToken(() -> KeycloakTokens.user(keycloak, "regulator"));
        supervisor = new FreshToken(() -> KeycloakTokens.user(keycloak, "supervisor"));
    }

    public static void main(String[] args) throws Exception {
        SuiteSettings settings;
        int minutes;
        int signUpsPerSecond;
        try {
            Options options = Options.parse(args, USAGE);
            minutes = options.positive("--minutes", 10);
            signUpsPerSecond = options.positive("--signups-per-second", 5);
            settings = settings(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(OwnSuite.run(settings, suite -> new SoakLoad(suite, minutes, signUpsPerSecond).soak()));
    }

    /** The generator's own suite as {@link OwnSuite} sets it up, with two replicas of each service. */
    private static SuiteSettings settings(Options options) {
        SuiteSettings own = OwnSuite.settings(options, SUITE_DIR, PORT_BASE);
        List<String> flags = new ArrayList<>(List.of("--home", own.home().toString(), "--cache", own.cache().toString(),
                "--replicas", Integer.toString(REPLICAS)));
        flags.addAll(SuiteSettings.portOptions(options.positive("--port-base", PORT_BASE)));
        return SuiteSettings.parse(own.repo(), flags);
    }

    private int soak() throws Exception {
        System.out.printf(Locale.ROOT, "Soak of %d min: %d sign-ups/s, as many access-event and usage batches, "
                + "1 regulator read/s, 1 list update/min; %d replicas of each service%n", minutes, signUpsPerSecond, REPLICAS);
        boolean clusterRegistered = send("cluster registration", () -> withJson("PUT",
                settings.serviceUrl(Service.REPORTING) + "/api/v1/clusters/" + CLUSTER, operator.get(),
                Map.of("dataCentre", "us-east-1a", "acceleratorType", "H100", "acceleratorCount", 64,
                        "peakOpsPerAccelerator", 1e15, "interconnectGbps", 50))) != null;
        signUp();
        if (!clusterRegistered || caseIds.isEmpty()) {
            throw new IllegalStateException("setting up the soak failed (see the errors above)");
        }

        String loadBefore = OwnSuite.loadAverage();
        MemoryTable memory = new MemoryTable(suite.pids());
        ScheduledExecutorService load = Executors.newScheduledThreadPool(LOAD_THREADS);
        long start = System.nanoTime();
        try {
            long period = TimeUnit.SECONDS.toNanos(1) / signUpsPerSecond;
            load.scheduleAtFixedRate(this::signUp, 0, period, TimeUnit.NANOSECONDS);
            load.scheduleAtFixedRate(this::appendAccessEvents, 0, period, TimeUnit.NANOSECONDS);
            load.scheduleAtFixedRate(this::reportUsage, 0, period, TimeUnit.NANOSECONDS);
            load.scheduleAtFixedRate(this::readReports, 0, 1, TimeUnit.SECONDS);
            load.scheduleAtFixedRate(this::updateList, 0, 1, TimeUnit.MINUTES);
            for (int minute = 0; minute <= minutes; minute++) {
                long untilSample = start + TimeUnit.MINUTES.toNanos(minute) - System.nanoTime();
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(untilSample)));
                memory.sample(minute, total(tally -> tally.requests), total(tally -> tally.errors));
            }
        } finally {
            load.shutdown();
        }
        boolean stopped = load.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%nRequests over %.1f min (load average before %s; after %s)%s:%n", seconds / 60,
                loadBefore, OwnSuite.loadAverage(), stopped ? "" : " (REQUESTS STILL OPEN AFTER 1 MIN)");
        System.out.printf(Locale.ROOT, "  %-22s %9s %7s %8s %9s %9s%n", "kind", "requests", "errors", "per s", "p50 ms", "p99 ms");
        tallies.forEach((kind, tally) -> System.out.println(tally.line(kind, seconds)));
        memory.print();
        boolean reconciled = reconcile();
        int errors = total(tally -> tally.errors);
        boolean passed = stopped && errors == 0 && reconciled;
        System.out.printf(Locale.ROOT, "%s: %d requests, %d errors, reconciliation %s%n", passed ? "PASSED" : "FAILED",
                total(tally -> tally.requests), errors, reconciled ? "holds" : "FAILED");
        return passed ? 0 : 1;
    }

    private void signUp() {
        String key = UUID.randomUUID().toString();
        int number = signUpsSent.incrementAndGet();
        Map<String, Object> body = Map.of("kind", "ORGANIZATION", "legalName", "Soak Client " + tag + " " + number,
                "countries", List.of("SG"),
                "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Singapore", "country", "SG")),
                "owners", List.of(Map.of("kind", "PERSON", "name", "Soak Owner " + tag + " " + number,
                        "percentage", 60, "control", false)));
        JsonNode answer = send("sign-up", () -> withJson("POST", settings.serviceUrl(Service.IDENTITY) + "/api/v1/customers",
                onboarding.get(), body).header("Idempotency-Key", key));
        if (answer != null) {
            String id = answer.path("id").asText();
            caseIdsByKey.put(key, id);
            caseIds.add(id);
        }
    }

    private void appendAccessEvents() {
        String caseId = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
        Map<String, Object> batch = Map.of("events", List.of(Map.of("at", Instant.now().minusSeconds(60).toString(),
                "ip", "203.0.113.7", "action", "login")));
        send("access events", () -> withJson("POST", settings.serviceUrl(Service.IDENTITY) + "/api/v1/customers/"
                + caseId + "/access-events", onboarding.get(), batch));
    }

    /** A batch of one-hour records of the soak's one run, two days ago; every record must be accepted. */
    private void reportUsage() {
        int batch = usageBatchesSent.incrementAndGet();
        Instant start = Instant.now().minus(Duration.ofDays(2));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int r = 0; r < RECORDS_PER_USAGE_BATCH; r++) {
            records.add(Map.of("recordId", account + "-" + batch + "-" + r, "accountId", account, "runId", RUN,
                    "clusterId", CLUSTER, "acceleratorType", "H100", "acceleratorCount", 64, "start", start.toString(),
                    "end", start.plus(Duration.ofHours(1)).toString(), "measuredOperations", OPERATIONS_PER_RECORD));
        }
        JsonNode answer = send("usage batch", () -> withJson("POST", settings.serviceUrl(Service.REPORTING)
                + "/api/v1/usage", metering.get(), records));
        if (answer != null) {
            int accepted = answer.path("accepted").asInt();
            usageRecordsAccepted.addAndGet(accepted);
            if (accepted != records.size()) {
                error("usage batch", "accepted " + accepted + " of " + records.size() + ": " + answer);
            }
        }
    }

    private void readReports() {
        send("regulator reads", () -> authorized(settings.serviceUrl(Service.REPORTING) + "/api/v1/reports",
                regulator.get()).GET());
    }

    /**
     * A new internal list of one entry: each upload is a new version, so a list change for identity-service, once a
     * second person (the supervisor) approves the operator's upload.
     */
    private void updateList() {
        int update = listUpdatesSent.incrementAndGet();
        String csv = LIST_HEADER + "soak-" + tag + "-" + update + ",Kestrel Marine Freight " + tag + " " + update
                + ",,entity,SG,,,,soak list update\n";
        String screening = settings.serviceUrl(Service.SCREENING);
        JsonNode proposal = send("list upload", () -> ListReplacement.upload(screening, "internal", operator.get(), csv));
        if (proposal != null) {
            send("list approval", () -> ListReplacement.approval(screening, proposal.path("id").asText(), supervisor.get()));
        }
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder withJson(String method, String url, String token, Object body)
            throws JsonProcessingException {
        return authorized(url, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    /**
     * Sends one request of a kind, timed from send to answer. Answers the JSON body of a 2xx answer; any other
     * answer, or none, is an error and answers null. Never throws, so a periodic task keeps running.
     */
    private JsonNode send(String kind, Callable<HttpRequest.Builder> request) {
        Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
        tally.requests.incrementAndGet();
        try {
            HttpRequest built = request.call().timeout(REQUEST_TIMEOUT).build();
            long sentAt = System.nanoTime();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            tally.latencyNanos.add(System.nanoTime() - sentAt);
            if (response.statusCode() / 100 == 2) {
                return json.readTree(response.body());
            }
            error(kind, "HTTP " + response.statusCode() + " " + response.body());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            error(kind, e.toString());
        }
        return null;
    }

    /** Counts an error of the kind; the first few are printed. */
    private void error(String kind, String detail) {
        tallies.computeIfAbsent(kind, k -> new Tally()).errors.incrementAndGet();
        if (errorsSeen.incrementAndGet() <= ERRORS_SHOWN) {
            System.out.println("  error (" + kind + "): " + (detail.length() > 300 ? detail.substring(0, 300) + " ..." : detail));
        }
    }

    private int total(Function<Tally, AtomicInteger> counter) {
        return tallies.values().stream().mapToInt(tally -> counter.apply(tally).get()).sum();
    }

    /**
     * Reads the three databases: every sign-up is its case, screening and the outbox drain, the usage adds up,
     * and every list change reached identity-service; waits up to two minutes where work is still settling.
     */
    private boolean reconcile() throws SQLException, InterruptedException {
        SuiteDatabases db = new SuiteDatabases(settings);
        Service identity = Service.IDENTITY;
        Service reporting = Service.REPORTING;
        System.out.println("Reconciliation of the databases:");

        Map<String, String> stored = caseIdsByKey(db, caseIdsByKey.keySet());
        long sameCase = caseIdsByKey.entrySet().stream().filter(e -> e.getValue().equals(stored.get(e.getKey()))).count();
        boolean holds = check(sameCase == caseIdsByKey.size(), "sign-ups answered with an id: %d; each that one case "
                + "by its idempotency key: %d", caseIdsByKey.size(), sameCase);
        holds &= check(settles(() -> db.count(identity,
                "select count(*) from customer_case where decision = 'PENDING_SCREENING'") == 0),
                "no case waits for screening (PENDING_SCREENING)");
        holds &= check(settles(() -> db.count(identity, "select count(*) from outbox_event where sent_at is null") == 0),
                "every outbox event is sent");
        Set<String> sent = db.strings(identity, "select event_id::text from outbox_event");
        Set<String> held = db.strings(reporting, "select event_id::text from compliance_event");
        holds &= check(sent.equals(held), "outbox events of identity-service: %d; the same events in reporting-service: %d",
                sent.size(), held.size());

        long accepted = usageRecordsAccepted.get();
        long records = db.count(reporting, "select count(*) from usage_record where account_id = '" + account + "'");
        holds &= check(records == accepted, "usage records accepted: %d; stored: %d", accepted, records);
        double operations = db.number(reporting,
                "select coalesce(sum(operations), 0) from run_total where account_id = '" + account + "'");
        double expected = accepted * OPERATIONS_PER_RECORD;
        holds &= check(Math.abs(operations - expected) <= expected * 1e-9,
                "run total: %.6e operations; accepted records x %.0e: %.6e", operations, OPERATIONS_PER_RECORD, expected);

        Set<String> changes = db.strings(Service.SCREENING, "select id::text from list_change");
        holds &= check(settles(() -> db.strings(identity, "select change_id::text from list_change_seen").containsAll(changes)),
                "all %d list changes of screening-service seen by identity-service", changes.size());
        return holds;
    }

    private static boolean check(boolean holds, String format, Object... args) {
        System.out.println("  " + (holds ? "ok      " : "FAILED  ") + String.format(Locale.ROOT, format, args));
        return holds;
    }

    /** Whether the condition holds within two minutes, asked every two seconds. */
    private static boolean settles(Condition condition) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2000);
        }
        return true;
    }

    private interface Condition {
        boolean holds() throws SQLException;
    }

    /** Requests, errors and answer latencies of one kind of request. */
    private static final class Tally {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final List<Long> latencyNanos = Collections.synchronizedList(new ArrayList<>());

        String line(String kind, double seconds) {
            long[] sorted;
            synchronized (latencyNanos) {
                sorted = latencyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            return String.format(Locale.ROOT, "  %-22s %9d %7d %8.2f %9.1f %9.1f", kind, requests.get(), errors.get(),
                    requests.get() / seconds, percentileMillis(sorted, 0.50), percentileMillis(sorted, 0.99));
        }

        private static double percentileMillis(long[] sortedNanos, double fraction) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            return sortedNanos[Math.max(0, (int) Math.ceil(fraction * sortedNanos.length) - 1)] / 1e6;
        }
    }

    /**
     * Memory of every service replica at each minute: resident memory (VmRSS), heap in use and the old generation's
     * part of it (from the replica's own /q/metrics). A leak shows as a steady climb of the old generation.
     */
    private final class MemoryTable {
        private final Map<String, Long> pids = new LinkedHashMap<>();
        private final Map<String, String> metricsUrls = new LinkedHashMap<>();
        private final List<String> rows = new ArrayList<>();
        private final String header;

        MemoryTable(Map<String, Long> suitePids) {
            for (Service service : Service.values()) {
                for (int number = 0; number < settings.replicas(); number++) {
                    String name = new TenantgateSuite.Replica(service, number).name();
                    pids.put(name, suitePids.get(name));
                    metricsUrls.put(name, settings.managementUrl(service, number) + "/q/metrics");
                }
            }
            StringBuilder columns = new StringBuilder(String.format(Locale.ROOT, "  %6s %9s %7s", "minute", "requests", "errors"));
            pids.keySet().forEach(name -> columns.append(String.format(" %20s", name)));
            header = columns.toString();
            System.out.println(TITLE);
            System.out.println(header);
        }

        private static final String TITLE = "Memory of each service process every minute, MB (resident / heap used / old generation):";

        void sample(int minute, int requests, int errors) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %6d %9d %7d", minute, requests, errors));
            pids.forEach((name, pid) -> row.append(String.format(" %20s",
                    residentMegabytes(pid) + "/" + heapMegabytes(metricsUrls.get(name)))));
            rows.add(row.toString());
            System.out.println(row);
        }

        void print() {
            System.out.println(TITLE);
            System.out.println(header);
            rows.forEach(System.out::println);
        }

        private static String residentMegabytes(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .map(line -> Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024))
                        .findFirst().orElse("?");
            } catch (IOException gone) {
                return "gone";
            }
        }

        /** Heap in use and its old generation, from the Micrometer gauges {@code jvm_memory_used_bytes}. */
        private String heapMegabytes(String metricsUrl) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                double heap = 0;
                double old = 0;
                for (String line : metrics.lines().toList()) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        double bytes = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        heap += bytes;
                        if (line.contains("Old Gen") || line.contains("Tenured")) {
                            old += bytes;
                        }
                    }
                }
                return Math.round(heap / (1 << 20)) + "/" + Math.round(old / (1 << 20));
            } catch (IOException | RuntimeException unreadable) {
                return "?/?";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "?/?";
            }
        }
    }

    /** A token fetched again after 200 s, since the soak outlives the tokens' 300 s. */
    private static final class FreshToken {
        private final Callable<String> fetch;
        private String token;
        private long fetchedAtNanos;

        FreshToken(Callable<String> fetch) {
            this.fetch = fetch;
        }

        synchronized String get() throws Exception {
            if (token == null || System.nanoTime() - fetchedAtNanos > TOKEN_REFRESH.toNanos()) {
                token = fetch.call();
                fetchedAtNanos = System.nanoTime();
            }
            return token;
        }
    }

    /** The id of the case opened under each of the keys that has one. */
    private static Map<String, String> caseIdsByKey(SuiteDatabases db, Collection<String> keys) throws SQLException {
        Map<String, String> ids = new HashMap<>();
        try (Connection c = db.connect(Service.IDENTITY); PreparedStatement s = c.prepareStatement(
                "select idempotency_key, id::text from customer_case where idempotency_key = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return ids;
    }
}
