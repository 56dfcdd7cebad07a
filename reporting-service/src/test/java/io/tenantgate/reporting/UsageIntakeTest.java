package io.tenantgate.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The cluster registry and usage intake: per-record rejection, idempotency, detection. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "metering-and-ops", roles = {"operator", "metering"})
class UsageIntakeTest {

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
                usage(account, "run-1", cluster, 1024, 1, 2e22));

        post(batch).statusCode(200)
                .body("received", equalTo(4)).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected.index", contains(1, 2))
                .body("rejected.field", contains("end", "cluster_id"));
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
