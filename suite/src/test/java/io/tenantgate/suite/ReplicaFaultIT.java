package io.tenantgate.suite;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults with real processes, on a suite of its own with two replicas of each service: while sign-ups, usage
 * records and a list change flow, one replica of each service in turn is killed (SIGKILL) and started again.
 * Callers retry as a client would (the same idempotency key, the same record ids). Afterwards a reconciliation
 * across the three databases finds every sign-up once, every outbox event delivered once, every usage record
 * counted once in its run's total, every list change taken in, and no case approved without screening.
 */
class ReplicaFaultIT {

    private static final String RUN = "fault-run";
    private static final Duration CLIENT_BACKOFF = Duration.ofMillis(200);
    private static final double OPERATIONS_PER_RECORD = 1e20;
    private static TenantgateSuite suite;

    @BeforeAll
    static void start() {
        ItSettings.clearState("fault-home");
        List<String> options = new ArrayList<>(ItSettings.options("fault-home", 24000));
        options.addAll(List.of("--replicas", "2"));
        suite = TenantgateSuite.open(SuiteSettings.parse(ItSettings.repo(), options)).start();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void killingOneReplicaOfEachServiceInTurnLosesAndDoublesNothing() throws Exception {
        FreshTokens tokens = new FreshTokens(new Tokens(suite));
        String tag = newTag();
        String listedName = "Faultline Quantum Systems " + tag;
        String listed = signUp(tokens, UUID.randomUUID().toString(), listedName).path("id");
        Load load = underLoad(tokens, tag, running -> {
            for (Service service : Service.values()) {
                running.awaitProgress(3);
                suite.kill(new TenantgateSuite.Replica(service, 1));
                if (service == Service.SCREENING) {
                    uploadInternalList(tokens, "f-1," + listedName + ",,entity,SG,,,,added while a replica was down");
                }
                running.awaitProgress(3);
                suite.restart(new TenantgateSuite.Replica(service, 1));
            }
        });
        reconcile(load, listed);
    }

    /**
     * PostgreSQL stopped while the load runs and started again: requests fail while it is away (and are retried as a
     * client would), the services reconnect by themselves, and the reconciliation holds.
     */
    @Test
    void postgresqlStoppedAndStartedAgainLosesAndDoublesNothing() throws Exception {
        Load load = underLoad(new FreshTokens(new Tokens(suite)), newTag(), running -> {
            int failedBefore = running.failedAttempts.get();
            suite.stopDatabase();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> running.failedAttempts.get() > failedBefore);
            } finally {
                suite.restartDatabase();
            }
        });
        reconcile(load, null);
    }

    /**
     * Keycloak stopped while the load runs and started again. Tokens issued before keep working, the services keep
     * calling each other with the tokens they hold (every sign-up is still screened at once), a new sign-in fails at
     * once with a refused connection, and a token nobody issued is refused with 401 rather than an error or a wait.
     * Keycloak comes back with the same signing keys, so tokens from before and after the outage are both accepted.
     */
    @Test
    void keycloakStoppedAndStartedAgainLosesAndDoublesNothing() throws Exception {
        Load load = underLoad(new FreshTokens(new Tokens(suite)), newTag(), running -> {
            suite.stopKeycloak();
            try {
                int pendingBefore = running.pendingAnswers.get();
                running.awaitProgress(10);
                assertEquals(pendingBefore, running.pendingAnswers.get(), "a sign-up went unscreened while Keycloak was away");

                Exception refused = assertThrows(Exception.class, () -> new Tokens(suite).client("onboarding-demo"));
                assertTrue(String.valueOf(refused.getMessage()).contains("Connection refused"), refused.toString());
                given().auth().oauth2(ForgedToken.signedByStranger(suite.settings().keycloakUrl() + "/realms/tenantgate"))
                        .contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                        .when().post(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers")
                        .then().statusCode(401).contentType("application/problem+json");
            } finally {
                suite.restartKeycloak();
            }
            String fresh = new Tokens(suite).client("onboarding-demo");
            given().auth().oauth2(fresh).when().get(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers/"
                    + running.keys.values().iterator().next()).then().statusCode(200);
            // the load goes on with the tokens it fetched before the outage (underLoad waits for it)
        });
        reconcile(load, null);
    }

    /** A fault while the load runs: the load is under way before it and makes progress after it, and nothing failed for good. */
    private static Load underLoad(FreshTokens tokens, String tag, Fault fault) throws Exception {
        registerCluster(tokens);
        Load load = new Load(tokens, tag);
        Thread traffic = new Thread(load, "fault-traffic");
        traffic.start();
        try {
            load.awaitProgress(3);
            fault.inject(load);
            load.awaitProgress(3);
        } finally {
            load.stop = true;
            traffic.join(Duration.ofSeconds(60).toMillis());
        }
        assertEquals(null, load.failure.get(), "a request failed for good");
        return load;
    }

    @FunctionalInterface
    private interface Fault {
        void inject(Load running) throws Exception;
    }

    private static String newTag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /**
     * The replica importing a new version of the Consolidated Screening List (a second person's approval of the
     * operator's upload) is killed (SIGKILL) while it holds the import's lock: the import is one transaction, so there
     * is no half version, and approving again on the other replica afterwards makes one whole new version, which
     * identity-service takes in.
     */
    @Test
    void aListImportKilledHalfWayLeavesNoHalfVersion() throws Exception {
        FreshTokens tokens = new FreshTokens(new Tokens(suite));
        SuiteDatabases databases = new SuiteDatabases(suite.settings());
        long versionsBefore = databases.count(Service.SCREENING, "select count(*) from list_version");
        String proposal = ListUploads.propose(BOUNDED, tokens.user("operator"),
                suite.settings().serviceUrl(Service.SCREENING, 0), "csl", "csl.csv", editedConsolidatedList());
        TenantgateSuite.Replica importing = new TenantgateSuite.Replica(Service.SCREENING, 1);
        Thread approval = new Thread(() -> {
            try {
                approveOn(tokens, importing.number(), proposal);
            } catch (Exception killed) {
                // the replica died under the request: the answer is lost, which is the point
            }
        }, "killed-import");
        approval.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> databases.count(
                Service.SCREENING, "select count(*) from pg_locks where locktype = 'advisory' and granted") > 0);
        suite.kill(importing);
        approval.join(Duration.ofSeconds(60).toMillis());
        assertWholeVersions(databases);
        long versionsAfterKill = databases.count(Service.SCREENING, "select count(*) from list_version");
        assertTrue(versionsAfterKill == versionsBefore || versionsAfterKill == versionsBefore + 1,
                "a killed import adds no version, or a whole one if it committed first: " + versionsAfterKill);

        suite.restart(importing);
        String status = given().auth().oauth2(tokens.user("supervisor"))
                .when().get(suite.settings().serviceUrl(Service.SCREENING, 0) + "/api/v1/lists/proposals/" + proposal)
                .then().statusCode(200).extract().path("status");
        if (status.equals("PENDING")) {
            approveOn(tokens, 0, proposal).then().statusCode(versionsAfterKill == versionsBefore ? 201 : 200);
        } else {
            assertEquals("APPROVED", status, "killed after recording the approval");
        }
        assertWholeVersions(databases);
        assertEquals(versionsBefore + 1, databases.count(Service.SCREENING, "select count(*) from list_version"));
        Set<String> changes = databases.strings(Service.SCREENING, "select id::text from list_change");
        await().atMost(Duration.ofSeconds(120)).until(() ->
                databases.strings(Service.IDENTITY, "select change_id::text from list_change_seen").containsAll(changes));
    }

    /** Every version holds all the entries it counts, and each list has exactly one active version. */
    private static void assertWholeVersions(SuiteDatabases databases) throws Exception {
        assertEquals(0, databases.count(Service.SCREENING, "select count(*) from list_version v where v.entry_count"
                + " <> (select count(*) from list_entry e where e.version_id = v.id)"), "a version with missing entries");
        assertEquals(0, databases.count(Service.SCREENING, "select count(*) from (select source from list_version"
                + " group by source having count(*) filter (where active) <> 1) lists"), "a list without one active version");
    }

    /** The bundled CSL with one name changed: a new version whose import takes seconds. */
    private static byte[] editedConsolidatedList() throws java.io.IOException {
        java.nio.file.Path bundled = ItSettings.repo().resolve("screening-engine/src/main/resources/lists/csl-2022-05-06.csv.gz");
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(bundled))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceFirst(",, I\\. ASH,", ",, I. ASHE,").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Response approveOn(FreshTokens tokens, int replica, String proposal) {
        return ListUploads.approve(BOUNDED, tokens.user("supervisor"), suite.settings().serviceUrl(Service.SCREENING, replica),
                proposal);
    }

    /** Counts across the three databases: nothing lost, nothing doubled, no case approved unscreened. */
    private static void reconcile(Load load, String listedCase) throws Exception {
        SuiteDatabases databases = new SuiteDatabases(suite.settings());
        // Every sign-up is one case; none waits for screening once screening-service is back; none approved unscreened.
        assertEquals(load.keys.size(), databases.count(Service.IDENTITY,
                "select count(*) from customer_case where idempotency_key in (" + quoted(load.keys.keySet()) + ")"));
        assertEquals(new TreeSet<>(load.keys.values()).size(), load.keys.size(), "one case per sign-up, none doubled");
        // A case that met the killed replica a few times waits out its backoff (up to 1 min) before its next try.
        await().atMost(Duration.ofMinutes(3)).until(() -> databases.count(Service.IDENTITY,
                "select count(*) from customer_case where decision = 'PENDING_SCREENING'") == 0);
        assertEquals(0, databases.count(Service.IDENTITY, "select count(*) from customer_case where decision = 'APPROVED'"
                + " and (screening is null or jsonb_array_length(screening -> 'listVersions') = 0)"));
        // Every outbox event reaches reporting-service once.
        await().atMost(Duration.ofSeconds(120)).until(() -> databases.count(Service.IDENTITY,
                "select count(*) from outbox_event where sent_at is null") == 0);
        assertEquals(0, databases.count(Service.IDENTITY, "select count(*) from outbox_event where parked_at is not null"));
        assertEquals(databases.strings(Service.IDENTITY, "select event_id::text from outbox_event"),
                databases.strings(Service.REPORTING, "select event_id::text from compliance_event"),
                "the events identity-service sent are the events reporting-service holds, each once");
        // Every usage record counts once in the run's total.
        assertEquals(load.usageRecords.get(), databases.count(Service.REPORTING,
                "select count(*) from usage_record where account_id = '" + load.account + "'"));
        assertEquals(load.usageRecords.get() * OPERATIONS_PER_RECORD, databases.number(Service.REPORTING,
                "select operations from run_total where account_id = '" + load.account + "' and run_id = '" + RUN + "'"),
                OPERATIONS_PER_RECORD / 1e6);
        // Every list change is taken in, and the one made while a screening replica was down reopened its customer.
        Set<String> changes = databases.strings(Service.SCREENING, "select id::text from list_change");
        await().atMost(Duration.ofSeconds(120)).until(() ->
                databases.strings(Service.IDENTITY, "select change_id::text from list_change_seen").containsAll(changes));
        if (listedCase != null) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "REVIEW".equals(databases.text(Service.IDENTITY,
                    "select decision from customer_case where id = '" + listedCase + "'")));
        }
    }

    /** Sign-ups, and now and then a batch of usage, each retried with the same key or ids until answered. */
    private static final class Load implements Runnable {
        private final FreshTokens tokens;
        private final String tag;
        final String account;
        final Map<String, String> keys = new ConcurrentHashMap<>();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final AtomicInteger signUps = new AtomicInteger();
        /** Sign-ups answered PENDING_SCREENING: their screening call failed. */
        final AtomicInteger pendingAnswers = new AtomicInteger();
        final AtomicInteger usageRecords = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean stop;

        /** Waits until this many more sign-ups were answered; fails at once when the load failed for good. */
        void awaitProgress(int more) {
            int from = signUps.get();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                if (failure.get() != null) {
                    throw new AssertionError("the load failed", failure.get());
                }
                return signUps.get() >= from + more;
            });
        }

        Load(FreshTokens tokens, String tag) {
            this.tokens = tokens;
            this.tag = tag;
            this.account = "fault-acct-" + tag;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; !stop; i++) {
                    String key = UUID.randomUUID().toString();
                    String name = "Steady Client " + tag + " " + i;
                    Response answer = retried(() -> signUp(tokens, key, name));
                    keys.put(key, answer.path("id"));
                    if ("PENDING_SCREENING".equals(answer.path("decision"))) {
                        pendingAnswers.incrementAndGet();
                    }
                    signUps.incrementAndGet();
                    if (i % 3 == 0) {
                        List<Map<String, Object>> batch = new ArrayList<>();
                        for (int r = 0; r < 5; r++) {
                            batch.add(usage(account, account + "-" + i + "-" + r));
                        }
                        // Accepted the first time, or a duplicate of a send whose answer was lost: each counts once.
                        retried(() -> given().config(BOUNDED).auth().oauth2(tokens.client("metering-demo")).contentType("application/json")
                                .body(batch).when().post(suite.settings().serviceUrl(Service.REPORTING) + "/api/v1/usage"));
                        usageRecords.addAndGet(batch.size());
                    }
                }
            } catch (Throwable failed) {
                failure.set(failed);
            }
        }

        /** Sends again while the answer is a transport error or a 5xx (a replica that just died), for up to 2 min. */
        private Response retried(java.util.function.Supplier<Response> request) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            Exception last = null;
            while (Instant.now().isBefore(deadline)) {
                try {
                    Response response = request.get();
                    if (response.statusCode() < 500) {
                        assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                                "answered " + response.statusCode() + ": " + response.asString());
                        return response;
                    }
                    failedAttempts.incrementAndGet();
                } catch (Exception transport) { // REST Assured throws ConnectException undeclared
                    failedAttempts.incrementAndGet();
                    last = transport;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(CLIENT_BACKOFF.toNanos()); // as a client backs off
            }
            throw new IllegalStateException("no answer within 2 minutes", last);
        }
    }

    /** No call waits for ever on a process that died half-way: 30 s to connect and to answer. */
    private static final io.restassured.config.RestAssuredConfig BOUNDED = io.restassured.config.RestAssuredConfig.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 30_000).setParam("http.socket.timeout", 30_000));

    private static Response signUp(FreshTokens tokens, String key, String name) {
        return given().config(BOUNDED).auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                .header("Idempotency-Key", key)
                .body(Map.of("kind", "ORGANIZATION", "legalName", name, "countries", List.of("SG"),
                        "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Singapore", "country", "SG"))))
                .when().post(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers");
    }

    private static Map<String, Object> usage(String account, String recordId) {
        Instant start = Instant.now().minus(Duration.ofDays(2));
        return Map.of("recordId", recordId, "accountId", account, "runId", RUN, "clusterId", "fault-cluster",
                "acceleratorType", "H100", "acceleratorCount", 64, "start", start.toString(),
                "end", start.plus(Duration.ofHours(1)).toString(), "measuredOperations", OPERATIONS_PER_RECORD);
    }

    private static void registerCluster(FreshTokens tokens) {
        given().auth().oauth2(tokens.user("operator")).contentType("application/json")
                .body(Map.of("dataCentre", "us-east-1a", "acceleratorType", "H100", "acceleratorCount", 64,
                        "peakOpsPerAccelerator", 1e15, "interconnectGbps", 50))
                .when().put(suite.settings().serviceUrl(Service.REPORTING) + "/api/v1/clusters/fault-cluster")
                .then().statusCode(200);
    }

    private static void uploadInternalList(FreshTokens tokens, String row) {
        String csv = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n" + row + "\n";
        ListUploads.replaceInternalList(tokens.user("operator"), tokens.user("supervisor"),
                suite.settings().serviceUrl(Service.SCREENING, 0), csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(Set<String> values) {
        return String.join(",", values.stream().map(v -> "'" + v + "'").toList());
    }

    /** Tokens live 300 s; the load outlives that, so each is fetched again after 200 s. */
    private static final class FreshTokens {
        private final Tokens tokens;
        private final Map<String, Map.Entry<Instant, String>> cache = new ConcurrentHashMap<>();

        FreshTokens(Tokens tokens) {
            this.tokens = tokens;
        }

        String client(String clientId) {
            return cached("client:" + clientId, () -> tokens.client(clientId));
        }

        String user(String username) {
            return cached("user:" + username, () -> tokens.user(username));
        }

        private String cached(String key, java.util.function.Supplier<String> fetch) {
            Map.Entry<Instant, String> entry = cache.get(key);
            if (entry == null || entry.getKey().isBefore(Instant.now().minusSeconds(200))) {
                entry = Map.entry(Instant.now(), fetch.get());
                cache.put(key, entry);
            }
            return entry.getValue();
        }
    }
}
