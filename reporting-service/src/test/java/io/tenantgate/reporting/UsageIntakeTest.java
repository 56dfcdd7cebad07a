package io.tenantgate.reporting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cluster registry and usage intake: per-record rejection, idempotency, detection. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "metering-and-ops", roles = {"operator", "metering"})
class UsageIntakeTest {

    @Inject
    EntityManager entities;

    private static final Instant START = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void operatorsRegisterClustersWithValidationAndOptimisticLocking() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        putCluster(id, cluster(1024), null).statusCode(200).body("version", equalTo(0))
                .body("theoreticalPeak", equalTo(1.024e18f));
        putCluster(id, cluster(2048), 0L).statusCode(200).body("acceleratorCount", equalTo(2048));
        putCluster(id, cluster(4096), 0L).statusCode(409).contentType("application/problem+json");

        Map<String, Object> bad = new HashMap<>(cluster(0));
        bad.put("dataCentre", " ");
        putCluster(id, bad, null).statusCode(400).body("errors.field", hasItem("acceleratorCount"))
                .body("errors.field", hasItem("dataCentre"));
    }

    @Test
    void goodRecordsAreAppliedBadOnesRejectedOneByOneAndRepeatsIgnored() {
        String cluster = registered(1024);
        String account = "acct-" + UUID.randomUUID();
        // 1,024 accelerators at 10^15 op/s can do 8.8x10^22 operations in a day.
        List<Map<String, Object>> batch = List.of(
                usage(account, "run-1", cluster, 1024, 1, 1e22),
                with(usage(account, "run-1", cluster, 1024, 1, 1e22), "end", START.minusSeconds(60).toString()),
                with(usage(account, "run-1", cluster, 1024, 1, 1e22), "clusterId", "no-such-cluster"),
                usage(account, "run-1", cluster, 1024, 1, 2e22),
                usage(account, "r".repeat(129), cluster, 1024, 1, 1e22));

        post(batch).statusCode(200)
                .body("received", equalTo(5)).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected.index", contains(1, 2, 4))
                .body("rejected.field", contains("end", "clusterId", "runId"));
        post(batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));

        given().when().get("/api/v1/usage/runs/" + account + "/run-1").then().statusCode(200)
                .body("operations", equalTo(3e22f));
    }

    @Test
    void aRunCrossingTheThresholdIsDetectedInTheSameCall() {
        String cluster = registered(100_000);
        String account = "acct-" + UUID.randomUUID();
        // 100,000 accelerators for 30 days: up to 2.6x10^26 operations. At 6x10^25 per 30 days the run will
        // cross 10^26 within the 30-day horizon: reportable on knowledge, before it crosses.
        post(List.of(usage(account, "big", cluster, 100_000, 30, 6e25))).statusCode(200)
                .body("detections.trigger", contains("PROJECTED_TO_EXCEED"));
        post(List.of(usage(account, "big", cluster, 100_000, 30, 5e25))).statusCode(200)
                .body("detections.trigger", contains("OPERATIONS_EXCEEDED"))
                .body("detections[0].accountId", equalTo(account));
    }

    /**
     * Batches of one run arriving at once, as on several replicas: every record counts in the run's total (kept
     * in PostgreSQL), and each condition is recorded by exactly one of them.
     */
    @Test
    void aRunSplitOverConcurrentBatchesIsCountedWholeAndEachConditionReportedOnce() throws Exception {
        // 50,000 accelerators at 10^15 op/s: 4.3x10^24 operations a day at most, below the cluster condition.
        String cluster = registered(50_000);
        String account = "acct-" + UUID.randomUUID();
        int batches = 10;
        int perBatch = 25;
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> answers = new ArrayList<>();
        try {
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    batch.add(usage(account, "split", cluster, 50_000, 1, 5e23));
                }
                answers.add(replicas.submit(() -> post(batch).statusCode(200).body("accepted", equalTo(perBatch))
                        .extract().jsonPath().getList("detections.trigger", String.class)));
            }
            List<String> triggers = new ArrayList<>();
            for (Future<List<String>> answer : answers) {
                triggers.addAll(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(List.of("OPERATIONS_EXCEEDED", "PROJECTED_TO_EXCEED"), triggers.stream().sorted().toList(),
                    "each condition once, whichever batch made it hold");
        } finally {
            replicas.shutdownNow();
        }
        double operations = given().when().get("/api/v1/usage/runs/" + account + "/split").then().statusCode(200)
                .extract().jsonPath().getDouble("operations");
        assertEquals(batches * perBatch * 5e23, operations, 1e12);
    }

    /** Another replica registered the cluster a moment ago: its usage is taken, not refused until a reload. */
    @Test
    void usageForAClusterRegisteredThroughAnotherReplicaIsAccepted() {
        String cluster = "c-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                insert into cluster (id, data_centre, accelerator_type, accelerator_count, peak_ops_per_accelerator,
                                     interconnect_gbps, updated_at, version)
                values (?1, 'us-east-1a', 'H100', 64, 1e15, 400, now(), 0)""").setParameter(1, cluster).executeUpdate());

        post(List.of(usage("acct-" + UUID.randomUUID(), "r", cluster, 64, 1, 1e20))).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", org.hamcrest.Matchers.empty());
    }

    @Test
    void oversizedAndMalformedBatchesAreRefusedWhole() {
        String cluster = registered(8);
        List<Map<String, Object>> tooMany = new ArrayList<>(Collections.nCopies(10_001, usage("a", "r", cluster, 8, 1, 1)));
        post(tooMany).statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[{\"recordId\": ").when().post("/api/v1/usage")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void onlyMeteringSendsUsage() {
        post(List.of(usage("a", "r", "x", 8, 1, 1))).statusCode(403);
    }

    private static String registered(int accelerators) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        putCluster(id, cluster(accelerators), null).statusCode(200);
        return id;
    }

    private static ValidatableResponse putCluster(String id, Map<String, Object> spec, Long version) {
        var request = given().contentType("application/json").body(spec);
        if (version != null) {
            request = request.queryParam("version", version);
        }
        return request.when().put("/api/v1/clusters/" + id).then();
    }

    private static Map<String, Object> cluster(int accelerators) {
        return Map.of("dataCentre", "us-east-1a", "acceleratorType", "H100", "acceleratorCount", accelerators,
                "peakOpsPerAccelerator", 1e15, "interconnectGbps", 400);
    }

    private static Map<String, Object> usage(String account, String run, String cluster, int accelerators, int days,
                                             double operations) {
        Map<String, Object> record = new HashMap<>();
        record.put("recordId", UUID.randomUUID().toString());
        record.put("accountId", account);
        record.put("runId", run);
        record.put("clusterId", cluster);
        record.put("acceleratorType", "H100");
        record.put("acceleratorCount", accelerators);
        record.put("start", START.toString());
        record.put("end", START.plus(days, ChronoUnit.DAYS).toString());
        record.put("measuredOperations", operations);
        return record;
    }

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(record);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse post(List<Map<String, Object>> batch) {
        return given().contentType("application/json").body(batch).when().post("/api/v1/usage").then();
    }
}
