package io.tenantgate.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.PendingScreening;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.testing.FakeScreeningClient;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cases opened while screening-service was away are screened when it returns, each once however many replicas
 * retry, and a profile it refuses is parked with its reason without holding up the cases behind it.
 */
@QuarkusTest
@TestProfile(FakePeers.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PendingScreeningTest {

    @Inject
    EntityManager entities;

    @Inject
    PendingScreening job;

    @Test
    @TestSecurity(user = "signup-flow", roles = {"onboarding", "operator"})
    void aRefusedProfileIsParkedAndTheCasesBehindItAreScreenedOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String refusedName = "Refused Tester " + tag;
        String cleanName = "Clean Tester " + tag;
        FakeScreeningClient.available(false);
        String refused = open(refusedName);
        String clean = open(cleanName);
        assertEquals(Decision.PENDING_SCREENING, find(refused).decision);
        assertEquals(Decision.PENDING_SCREENING, find(clean).decision);

        FakeScreeningClient.available(true);
        ExecutorService otherReplicas = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                otherReplicas.execute(() -> {
                    while (!Thread.currentThread().isInterrupted() && find(clean).decision == Decision.PENDING_SCREENING) {
                        job.retryPendingScreenings();
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> find(clean).decision != Decision.PENDING_SCREENING);
            await().atMost(Duration.ofSeconds(60)).until(() -> parkedReason(refused) != null);
        } finally {
            otherReplicas.shutdownNow();
        }

        assertEquals(Decision.APPROVED, find(clean).decision);
        assertEquals(1, FakeScreeningClient.answered(cleanName), "screened once, whatever number of replicas retried");
        assertEquals(Decision.PENDING_SCREENING, find(refused).decision, "a parked case is never approved unscreened");
        given().queryParam("kind", "screening").when().get("/api/v1/parked").then().statusCode(200)
                .body("items.id", hasItem(refused))
                .body("items.find { it.id == '" + refused + "' }.reason",
                        startsWith("screening-service refused the profile: INVALID_ARGUMENT: party.names: refused"))
                .body("items.find { it.id == '" + refused + "' }.attempts", equalTo(attempts(refused)));

        int attemptsBefore = attempts(refused);
        given().when().post("/api/v1/parked/screening/" + refused + "/release").then().statusCode(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts(refused) == attemptsBefore + 1 && parkedReason(refused) != null);
        given().when().post("/api/v1/parked/screening/" + UUID.randomUUID() + "/release").then().statusCode(404);

        // A new profile is screened afresh, even when screening-service is away at the update: not left parked.
        FakeScreeningClient.available(false);
        long version = given().when().get("/api/v1/customers/" + refused).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(TestCustomers.person("Renamed Tester " + tag)).when().put("/api/v1/customers/" + refused)
                .then().statusCode(200).body("decision", equalTo("PENDING_SCREENING"));
        FakeScreeningClient.available(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> find(refused).decision == Decision.APPROVED);
        given().when().post("/api/v1/parked/nothing/x/release").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void onlyOperatorsSeeParkedWork() {
        given().when().get("/api/v1/parked").then().statusCode(403);
    }

    private String open(String name) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestCustomers.person(name)).when().post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    private CustomerCase find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.find(CustomerCase.class, UUID.fromString(id)));
    }

    private String parkedReason(String id) {
        return (String) column("screening_parked_reason", id);
    }

    private int attempts(String id) {
        return ((Number) column("screening_attempts", id)).intValue();
    }

    private Object column(String column, String id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "select " + column + " from customer_case where id = ?1").setParameter(1, UUID.fromString(id)).getResultList());
        return rows.get(0);
    }
}
