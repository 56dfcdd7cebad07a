package io.tenantgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc.ReportingServiceStub;
import io.tenantgate.suite.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for reporting-service's {@code ReportUsage} client stream (role metering) over loopback. By
 * default it starts its own suite, as {@link ScreenBatchLoad} does, and stops it at the end. It registers two
 * clusters as the operator (password grant of the demo user), takes a client-credentials token of the
 * {@code metering-demo} client, warms up, then streams the measured records over K concurrent streams and
 * prints records/s received and accepted end to end (first send to last summary). It checks the summaries
 * against the exact expected counts (accepted, duplicates, rejected) and a sample of runs' summed operations
 * against what was sent. Detection freshness: probes, each the one record of a run that crosses 10^26
 * operations, are sent at even spacing during the measured run; a watcher polls
 * {@code GET /api/v1/usage/runs/{account}/{run}} as the operator until the run shows OPERATIONS_EXCEEDED,
 * and the time from sending the probe to that answer is its freshness (an upper bound: it includes the
 * client's own queueing and the polling interval).
 */
public final class UsageStreamLoad {

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.UsageStreamLoad [options]
              --records N          records in the measured run (default 1000000)
              --warmup N           records sent first and not measured (default 200000)
              --streams K          concurrent ReportUsage streams (default 4)
              --accounts N         accounts (default 1000)
              --runs-per-account N training runs per account (default 10)
              --duplicate-every N  every N-th record repeats the one before it (default 100)
              --bad-every N        every N-th record has no duration and is rejected (default 1000)
              --probes N           threshold-crossing probes in the measured run (default 10)
              --check-runs N       runs whose summed operations are checked afterwards (default 20)
              --time-limit SECONDS limit of each run, warm-up and measured (default 600)
            Own suite (the default):
              --repo DIR           repository root with the packaged services (default .)
              --suite-dir DIR      its state and logs (default benchmarks/target/load-suite)
              --keycloak-cache DIR the unpacked Keycloak distribution (default <suite-dir>/cache)
              --port-base N        ports N+432 PostgreSQL, N+180/N+190 Keycloak, N+81..N+83 services (default 23000)
            Running suite (loopback only):
              --host HOST          reporting-service host (default localhost)
              --port N             reporting-service port; giving it selects this mode
              --client-secret S    the metering-demo client's Keycloak secret
              --keycloak-url URL   Keycloak base URL (default http://localhost:8180)
            """;
    private static final String METERING = "metering-demo";
    private static final String CLUSTER = "load-cluster";
    private static final String PROBE_CLUSTER = "load-probe-cluster";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final HttpClient http = HttpClient.newHttpClient();

    private UsageStreamLoad(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        UsageStreamLoad load;
        try {
            load = new UsageStreamLoad(Options.parse(args, USAGE));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(OwnSuite.runAgainst(load.options, USAGE, "benchmarks/target/load-suite", 23000, Service.REPORTING, METERING, load::measure));
    }

    private int measure(String host, int port, String keycloakUrl, String meteringSecret) throws Exception {
        OwnSuite.requireLoopback(host);
        OwnSuite.requireLoopback(URI.create(keycloakUrl).getHost());
        String rest = "http://" + host + ":" + port;
        int streams = options.positive("--streams", 4);
        Duration timeLimit = Duration.ofSeconds(options.positive("--time-limit", 600));
        Tokens tokens = new Tokens(keycloakUrl, meteringSecret);
        putCluster(rest, tokens.operator(), CLUSTER, 1024);
        putCluster(rest, tokens.operator(), PROBE_CLUSTER, UsagePhase.PROBE_ACCELERATORS);
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().directExecutor().build();
        try {
            UsagePhase.Plan warmPlan = plan(options.positive("--warmup", 200_000), streams, 0);
            System.out.printf(Locale.ROOT, "%d streams, %d accounts x %d runs, reporting-service at %s:%d%n", streams,
                    warmPlan.accounts(), warmPlan.runsPerAccount(), host, port);
            UsagePhase.Result warm = UsagePhase.run(stub(channel, tokens.metering()), warmPlan, probe -> { },
                    timeLimit, System.out::println);
            System.out.println(warm.summary("warm-up"));
            if (!warm.exact()) {
                System.out.println("The warm-up was not answered exactly; no measured run.");
                return 1;
            }
            UsagePhase.Plan plan = plan(options.positive("--records", 1_000_000), streams,
                    options.positive("--probes", 10));
            Freshness freshness = new Freshness(rest, tokens, plan.probes());
            Thread watcher = new Thread(freshness::watch, "probe-watcher");
            watcher.start();
            String loadBefore = OwnSuite.loadAverage();
            UsagePhase.Result measured = UsagePhase.run(stub(channel, tokens.metering()), plan, freshness.queue::add,
                    timeLimit, System.out::println);
            watcher.join(TimeUnit.SECONDS.toMillis(70));
            System.out.println(measured.summary("measured"));
            System.out.println("  load average before the measured run: " + loadBefore + "; after: " + OwnSuite.loadAverage());
            System.out.println(freshness.summary());
            boolean runsRight = checkRuns(rest, tokens, plan, options.positive("--check-runs", 20));
            return measured.exact() && freshness.allSeenWithin(Duration.ofSeconds(1)) && runsRight ? 0 : 1;
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private UsagePhase.Plan plan(int records, int streams, int probes) {
        int accounts = options.positive("--accounts", 1000);
        int runsPerAccount = options.positive("--runs-per-account", 10);
        // Hours of the last slot plus a margin; a probe covers the 30 days before base + 30 days.
        long hours = records / ((long) accounts * runsPerAccount) + 2;
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(31)).minus(Duration.ofHours(hours));
        return new UsagePhase.Plan(UUID.randomUUID().toString().substring(0, 8), records, streams, accounts,
                runsPerAccount, options.positive("--duplicate-every", 100), options.positive("--bad-every", 1000), probes,
                CLUSTER, PROBE_CLUSTER, base);
    }

    /** Compares a sample of runs' summed operations with what was sent. */
    private boolean checkRuns(String rest, Tokens tokens, UsagePhase.Plan plan, int count) throws Exception {
        List<Integer> runs = new ArrayList<>();
        for (int r = 0; r < plan.runs(); r++) {
            runs.add(r);
        }
        Collections.shuffle(runs, new java.util.Random(13984));
        int wrong = 0;
        for (int run : runs.subList(0, Math.min(count, runs.size()))) {
            JsonNode state = getRun(rest, tokens.operator(), plan.account(run), plan.run(run));
            double expected = plan.expectedOperations(run);
            double actual = state == null ? 0 : state.path("operations").asDouble();
            if (Math.abs(actual - expected) > expected * 1e-9) {
                wrong++;
                System.out.printf(Locale.ROOT, "  run %s/%s: %.6e operations, expected %.6e%n", plan.account(run),
                        plan.run(run), actual, expected);
            }
        }
        System.out.printf(Locale.ROOT, "runs checked: %d, operations as sent: %d, wrong: %d%n",
                Math.min(count, runs.size()), Math.min(count, runs.size()) - wrong, wrong);
        return wrong == 0;
    }

    /** Polls each probe's run until the detector reports it; the time from send to that answer is its freshness. */
    private final class Freshness {
        final LinkedBlockingQueue<UsagePhase.Probe> queue = new LinkedBlockingQueue<>();
        private final String rest;
        private final Tokens tokens;
        private final int probes;
        private final List<Long> seenNanos = Collections.synchronizedList(new ArrayList<>());
        private volatile int missed;

        Freshness(String rest, Tokens tokens, int probes) {
            this.rest = rest;
            this.tokens = tokens;
            this.probes = probes;
        }

        void watch() {
            try {
                for (int n = 0; n < probes; n++) {
                    UsagePhase.Probe probe = queue.poll(Math.max(60, options.positive("--time-limit", 600)), TimeUnit.SECONDS);
                    if (probe == null) {
                        missed += probes - n;
                        return;
                    }
                    String token = tokens.operator();
                    long giveUp = probe.sentAtNanos() + TimeUnit.SECONDS.toNanos(60);
                    boolean seen = false;
                    while (!seen && System.nanoTime() < giveUp) {
                        JsonNode state = getRun(rest, token, probe.accountId(), probe.runId());
                        if (state != null && state.path("reported").toString().contains("OPERATIONS_EXCEEDED")) {
                            seenNanos.add(System.nanoTime() - probe.sentAtNanos());
                            seen = true;
                        } else {
                            Thread.sleep(5);
                        }
                    }
                    if (!seen) {
                        missed++;
                    }
                }
            } catch (Exception e) {
                System.out.println("probe watcher failed: " + e);
                missed = probes - seenNanos.size();
            }
        }

        boolean allSeenWithin(Duration limit) {
            return missed == 0 && seenNanos.size() == probes
                    && seenNanos.stream().allMatch(nanos -> nanos <= limit.toNanos());
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(seenNanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "freshness: no probe seen (" + missed + " missed)";
            }
            return String.format(Locale.ROOT, "freshness (probe sent -> run shown reportable): %d of %d probes seen, "
                            + "min %.0f ms, median %.0f ms, max %.0f ms; all %s ms",
                    sorted.size(), probes, sorted.get(0) / 1e6, sorted.get((sorted.size() - 1) / 2) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6,
                    sorted.stream().map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList());
        }
    }

    /** The run's detector state, or null when the service does not know the run (404). */
    private JsonNode getRun(String rest, String token, String account, String run) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rest + "/api/v1/usage/runs/" + account + "/" + run))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET run " + account + "/" + run + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void putCluster(String rest, String token, String id, int accelerators) throws IOException, InterruptedException {
        // 10^15 op/s per accelerator behind 50 Gbit/s: the cluster condition (> 100 Gbit/s) never holds, so only
        // the operations threshold makes a run reportable.
        String spec = JSON.writeValueAsString(java.util.Map.of("dataCentre", "load-dc", "acceleratorType", "H100",
                "acceleratorCount", accelerators, "peakOpsPerAccelerator", 1e15, "interconnectGbps", 50));
        HttpRequest request = HttpRequest.newBuilder(URI.create(rest + "/api/v1/clusters/" + id))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(spec)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT cluster " + id + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static ReportingServiceStub stub(ManagedChannel channel, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return ReportingServiceGrpc.newStub(ClientInterceptors.intercept(channel,
                MetadataUtils.newAttachHeadersInterceptor(headers)));
    }

    /** Tokens from the suite's Keycloak: the operator demo user's and the metering client's. */
    private record Tokens(String keycloakUrl, String meteringSecret) {

        String operator() throws IOException, InterruptedException {
            return KeycloakTokens.user(keycloakUrl, "operator");
        }

        String metering() throws IOException, InterruptedException {
            return KeycloakTokens.clientCredentials(keycloakUrl, METERING, meteringSecret);
        }
    }
}
