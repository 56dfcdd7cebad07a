package io.tenantgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.parse.BundledLists;
import io.tenantgate.suite.Service;
import io.tenantgate.suite.SuiteSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for identity-service's sign-up: {@code POST /api/v1/customers} for an organisation with two
 * owners (validation, one gRPC screening of the three parties, the decision, the writes and the outbox) at a
 * fixed rate over loopback, with one onboarding token reused. Requests leave on schedule whatever the answers
 * do (open loop), and each latency runs from the scheduled send to the answer, so a stall shows up in full.
 * By default it starts its own suite and stops it at the end.
 */
public final class CaseCreationLoad {

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.CaseCreationLoad [options]
              --rate N             requests per second (default 300)
              --seconds S          length of the measured run (default 60)
              --warmup-seconds S   run at the same rate first, not measured (default 30)
              --negatives FILE     synthetic negatives for the name pool (default %s)
            %s""".formatted(QueryPool.NEGATIVES, OwnSuite.USAGE.formatted("benchmarks/target/case-load-suite", 24000));

    private static final String CLIENT = "onboarding-demo";

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();

    private CaseCreationLoad(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        CaseCreationLoad load;
        try {
            load = new CaseCreationLoad(Options.parse(args, USAGE));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(load.againstOwnSuite());
    }

    private int againstOwnSuite() throws Exception {
        SuiteSettings settings = OwnSuite.settings(options, "benchmarks/target/case-load-suite", 24000);
        return OwnSuite.run(settings, suite -> measure(URI.create(settings.serviceUrl(Service.IDENTITY) + "/api/v1/customers"),
                KeycloakTokens.clientCredentials(settings.keycloakUrl(), CLIENT, suite.clientSecret(CLIENT))));
    }

    private int measure(URI customers, String token) throws Exception {
        int rate = options.positive("--rate", 300);
        List<byte[]> bodies = bodies(Path.of(options.text("--negatives", QueryPool.NEGATIVES)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%d requests/s, organisations with two owners, pool of %d bodies, identity-service at %s%n",
                rate, bodies.size(), customers);
        Run warm = run(http, customers, token, bodies, rate, options.positive("--warmup-seconds", 30));
        System.out.println(warm.summary("warm-up"));
        Run measured = run(http, customers, token, bodies, rate, options.positive("--seconds", 60));
        System.out.println(measured.summary("measured"));
        return measured.errors.isEmpty() && measured.percentile(0.99) <= 50 ? 0 : 1;
    }

    /** Sends {@code rate} requests per second for {@code seconds}, each at its scheduled time. */
    private Run run(HttpClient http, URI customers, String token, List<byte[]> bodies, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencyMicros = new long[total];
        Arrays.fill(latencyMicros, -1);
        Run result = new Run(latencyMicros);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> answers = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(customers).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latencyMicros[index] = (System.nanoTime() - scheduled) / 1000;
                result.record(response, failure, json);
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        result.elapsed = Duration.ofNanos(System.nanoTime() - start);
        return result;
    }

    /** Organisations with two owners: names from the same pool as the screening benchmarks (half near list names). */
    private List<byte[]> bodies(Path negatives) throws Exception {
        List<PartyQuery> pool = QueryPool.build(BundledLists.load(), negatives, QueryPool.DEFAULT_SIZE);
        List<PartyQuery> people = pool.stream().filter(q -> q.type() == EntryType.INDIVIDUAL).toList();
        Random random = new Random(QueryPool.SEED);
        List<byte[]> bodies = new ArrayList<>(pool.size());
        for (PartyQuery company : pool) {
            String name = company.type() == EntryType.INDIVIDUAL ? company.name() + " Cloud Holdings Ltd" : company.name();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "ORGANIZATION");
            body.put("legalName", name);
            body.put("countries", company.countries());
            body.put("addresses", List.of(Map.of("lines", List.of("1 Harbour Road"), "city", "Capital",
                    "country", company.countries().get(0))));
            body.put("emails", List.of("compliance@example.com"));
            body.put("accountIds", List.of("acct-" + UUID.randomUUID()));
            body.put("owners", List.of(owner(people.get(random.nextInt(people.size())), 40),
                    owner(people.get(random.nextInt(people.size())), 30)));
            bodies.add(json.writeValueAsBytes(body));
        }
        return bodies;
    }

    private static Map<String, Object> owner(PartyQuery person, int percentage) {
        return Map.of("kind", "PERSON", "name", person.name(), "countries", person.countries(),
                "percentage", percentage, "control", false);
    }

    /** Latencies and outcomes of one run. */
    private static final class Run {
        final long[] latencyMicros;
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> decisions = new ConcurrentHashMap<>();
        Duration elapsed;

        Run(long[] latencyMicros) {
            this.latencyMicros = latencyMicros;
        }

        void record(HttpResponse<String> response, Throwable failure, ObjectMapper json) {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                count(errors, cause.getClass().getSimpleName());
                return;
            }
            if (response.statusCode() != 201) {
                count(errors, "HTTP " + response.statusCode());
                return;
            }
            try {
                String decision = json.readTree(response.body()).path("decision").asText();
                count(decisions, decision);
                if (decision.equals("PENDING_SCREENING")) {
                    count(errors, "not screened in time (PENDING_SCREENING)");
                }
            } catch (Exception unreadable) {
                count(errors, "unreadable answer");
            }
        }

        private static void count(Map<String, AtomicInteger> counts, String key) {
            counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        /** In milliseconds. */
        double percentile(double p) {
            long[] sorted = Arrays.stream(latencyMicros).filter(l -> l >= 0).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }

        String summary(String label) {
            return String.format(Locale.ROOT, "%s: %d requests in %.1f s (%.0f/s); latency ms p50 %.1f, p90 %.1f, p99 %.1f, "
                            + "max %.1f; decisions %s; errors %s", label, latencyMicros.length, elapsed.toMillis() / 1000.0,
                    latencyMicros.length / (elapsed.toMillis() / 1000.0), percentile(0.50), percentile(0.90),
                    percentile(0.99), percentile(1.0), new TreeMap<>(toInts(decisions)), new TreeMap<>(toInts(errors)));
        }

        private static Map<String, Integer> toInts(Map<String, AtomicInteger> counts) {
            Map<String, Integer> plain = new LinkedHashMap<>();
            counts.forEach((k, v) -> plain.put(k, v.get()));
            return plain;
        }
    }
}
