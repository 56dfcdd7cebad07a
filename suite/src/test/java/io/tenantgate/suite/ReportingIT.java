package io.tenantgate.suite;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large AI training detection to the regulator, through the assembled suite: usage streamed into
 * reporting-service, the customer's CIP record read from identity-service over gRPC, the report signed, filed
 * with the local regulator endpoint and acknowledged, and read and verified by the regulator.
 */
@ExtendWith(SuiteExtension.class)
class ReportingIT {

    private static TenantgateSuite suite;
    private static Tokens tokens;

    @BeforeAll
    static void connect(TenantgateSuite running) {
        suite = running;
        tokens = new Tokens(running);
        // 500,000 accelerators of 1e15 operations/s (5e20) behind 50 Gbit/s: the cluster conditions need both
        // more than 100 Gbit/s and 1e20 operations/s, so only the run's own operations can make it reportable.
        given().auth().oauth2(tokens.user("operator")).contentType("application/json")
                .body(Map.of("dataCentre", "us-east-dc7", "acceleratorType", "H100", "acceleratorCount", 500_000,
                        "peakOpsPerAccelerator", 1e15, "interconnectGbps", 50))
                .when().put(url(Service.REPORTING, "/api/v1/clusters/e2e-cluster")).then().statusCode(200);
    }

    @Test
    void aForeignCustomersRunThatCrossesTheThresholdIsReportedFiledAndVerified() {
        String account = "acct-e2e-" + UUID.randomUUID();
        String customerId = openApproved("Sofia Marchetti", "IT", account);

        streamRunUntilItCrosses(account, "run-1");

        String operator = tokens.user("operator");
        JsonPath obligation = await("the obligation to become due", () -> obligations(operator, account),
                o -> "DUE".equals(o.getString("[0].status")));
        assertEquals(customerId, obligation.getString("[0].customerId"));
        JsonPath drafts = await("the report draft", () -> given().auth().oauth2(operator)
                .queryParam("type", "LARGE_AI_TRAINING_RUN").queryParam("status", "DRAFT").queryParam("size", 100)
                .when().get(url(Service.REPORTING, "/api/v1/reports")).then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items.findAll { it.customerId == '" + customerId + "' }").size() == 1);
        String reportId = drafts.getString("items.find { it.customerId == '" + customerId + "' }.id");

        String supervisor = tokens.user("supervisor");
        int version = given().auth().oauth2(supervisor).accept("application/json")
                .when().get(url(Service.REPORTING, "/api/v1/reports/" + reportId)).then().statusCode(200)
                .body("content.toString()", containsString("Sofia Marchetti"))
                .extract().path("version");
        // Four eyes: the supervisor approves the content, the operator (who never sees it) submits it.
        int approved = given().auth().oauth2(supervisor).queryParam("version", version)
                .when().post(url(Service.REPORTING, "/api/v1/reports/" + reportId + "/approve"))
                .then().statusCode(200).body("approvedBy", equalTo("supervisor")).extract().path("version");
        given().auth().oauth2(operator).queryParam("version", approved)
                .when().post(url(Service.REPORTING, "/api/v1/reports/" + reportId + "/submit"))
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("signature", org.hamcrest.Matchers.notNullValue())
                .body("content", equalTo(null));

        String regulator = tokens.user("regulator");
        JsonPath filed = await("the regulator's acknowledgement", () -> given().auth().oauth2(regulator)
                        .accept("application/json").when().get(url(Service.REPORTING, "/api/v1/reports/" + reportId))
                        .then().statusCode(200).extract().jsonPath(),
                report -> "ACKNOWLEDGED".equals(report.getString("status")));
        assertTrue(filed.getString("acknowledgementId").startsWith("SANDBOX-"), filed.getString("acknowledgementId"));
        String content = filed.getString("content");
        assertTrue(content.contains("Sofia Marchetti") && content.contains("IT"), content);

        byte[] pdf = given().auth().oauth2(regulator).accept("application/pdf")
                .when().get(url(Service.REPORTING, "/api/v1/reports/" + reportId)).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        given().auth().oauth2(regulator).when().get(url(Service.REPORTING, "/api/v1/reports/" + reportId + "/verification"))
                .then().statusCode(200)
                .body("report.signatureValid", equalTo(true)).body("report.contentHashMatches", equalTo(true))
                .body("chain.valid", equalTo(true));
        // the filing the regulator's endpoint received is the signed report
        String inbox = given().when().get(RegulatorSandbox.filingUrl(suite.settings().regulatorPort()))
                .then().statusCode(200).extract().asString();
        assertTrue(inbox.contains(reportId), inbox);
    }

    @Test
    void aUsPersonsIdenticalRunIsNotReported() {
        String account = "acct-e2e-us-" + UUID.randomUUID();
        String customerId = openApproved("Emily Carter", "US", account);

        streamRunUntilItCrosses(account, "run-1");

        String operator = tokens.user("operator");
        JsonPath obligation = await("the obligation to be decided", () -> obligations(operator, account),
                o -> "NOT_DUE".equals(o.getString("[0].status")));
        assertTrue(obligation.getString("[0].reason").toLowerCase().contains("us person"), obligation.getString("[0].reason"));
        List<String> reports = given().auth().oauth2(operator).queryParam("size", 100)
                .when().get(url(Service.REPORTING, "/api/v1/reports")).then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.customerId == '" + customerId + "' }.id");
        assertEquals(List.of(), reports);
    }

    /** Events emitted while reporting-service restarts reach it once each: none lost, none doubled. */
    @Test
    void aReportingRestartWhileIdentityEmitsEventsLosesAndDoublesNothing() throws Exception {
        List<String> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean enough = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> emitting = CompletableFuture.runAsync(() -> {
            while (!enough.get()) {
                opened.add(openApproved("Restart Subject " + opened.size(), "NL", "acct-restart-" + UUID.randomUUID()));
            }
        });
        try {
            awaitOpened(opened, 2);
            suite.stop(Service.REPORTING);
            try {
                awaitOpened(opened, opened.size() + 3); // emitted while reporting-service is down
            } finally {
                suite.restart(Service.REPORTING);
            }
            awaitOpened(opened, opened.size() + 3);
        } finally {
            enough.set(true);
        }
        emitting.get();
        // once identity-service has sent every event, a doubled delivery would already be in reporting-service
        SuiteDatabases databases = new SuiteDatabases(suite.settings());
        org.awaitility.Awaitility.await("every outbox event sent").atMost(Duration.ofSeconds(60)).until(() ->
                databases.count(Service.IDENTITY, "select count(*) from outbox_event where sent_at is null") == 0);
        String operator = tokens.user("operator");
        for (String customerId : opened) {
            List<String> types = given().auth().oauth2(operator).queryParam("customerId", customerId)
                    .when().get(url(Service.REPORTING, "/api/v1/events")).then().extract().jsonPath().getList("items.type");
            assertEquals(List.of("ACCOUNT_OPENED", "DECISION"), types.stream().sorted().toList(), customerId);
        }
    }

    private static void awaitOpened(List<String> opened, int count) {
        org.awaitility.Awaitility.await(count + " sign-ups").atMost(Duration.ofSeconds(60)).until(() -> opened.size() >= count);
    }

    private static String openApproved(String name, String country, String account) {
        return given().auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "PERSON", "legalName", name, "countries", List.of(country),
                        "date", Map.of("year", 1981, "month", 6, "day", 2), "accountIds", List.of(account),
                        "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Capital", "country", country))))
                .when().post(url(Service.IDENTITY, "/api/v1/customers"))
                .then().statusCode(201).body("decision", equalTo("APPROVED")).extract().path("id");
    }

    /**
     * Four batches of measured operations, 3e25 each, sent to the replicas in turn: the run crosses 1e26 with the
     * fourth, though no replica received more than half of it, and every replica shows the whole run.
     */
    private static void streamRunUntilItCrosses(String account, String run) {
        String metering = tokens.client("metering-demo");
        Instant start = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int batch = 0; batch < 4; batch++) {
            Instant from = start.plus(batch, ChronoUnit.DAYS);
            given().auth().oauth2(metering).contentType("application/json")
                    .body(List.of(Map.of("recordId", account + "-" + batch, "accountId", account, "runId", run,
                            "clusterId", "e2e-cluster", "acceleratorType", "H100", "acceleratorCount", 500_000,
                            "start", from.toString(), "end", from.plus(20, ChronoUnit.HOURS).toString(),
                            "utilization", 0.5, "measuredOperations", 3e25)))
                    .when().post(replicaUrl(batch, "/api/v1/usage"))
                    .then().statusCode(200).body("accepted", equalTo(1));
        }
        String operator = tokens.user("operator");
        for (int replica = 0; replica < suite.settings().replicas(); replica++) {
            given().auth().oauth2(operator).when().get(replicaUrl(replica, "/api/v1/usage/runs/" + account + "/" + run))
                    .then().statusCode(200).body("operations", equalTo(1.2e26f))
                    .body("reported", org.hamcrest.Matchers.hasItem("OPERATIONS_EXCEEDED"));
        }
    }

    private static String replicaUrl(int replica, String path) {
        return suite.settings().serviceUrl(Service.REPORTING, replica % suite.settings().replicas()) + path;
    }

    private static JsonPath obligations(String token, String account) {
        return given().auth().oauth2(token).queryParam("accountId", account)
                .when().get(url(Service.REPORTING, "/api/v1/reports/obligations")).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath await(String what, Supplier<JsonPath> poll, java.util.function.Predicate<JsonPath> done) {
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(poll::get, done::test);
    }

    private static String url(Service service, String path) {
        return suite.settings().serviceUrl(service) + path;
    }
}
