package io.tenantgate.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.outbox.OutboxEvent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Opening cases through REST. screening-service is not running here, so every case must wait in
 * PENDING_SCREENING: the service fails closed. The approve/reject flows run end to end in suite.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup-flow", roles = "onboarding")
class CustomerResourceTest {

    @Inject
    EntityManager entities;

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper json;

    @Test
    void aCaseOpenedWhileScreeningIsDownWaitsAndIsAudited() {
        String id = open(UUID.randomUUID().toString(), TestCustomers.person("Amelie Laurent"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/customers/"))
                .body("decision", equalTo("PENDING_SCREENING"))
                .body("reasons[0]", containsString("not screened yet: customer"))
                .extract().path("id");

        List<OutboxEvent> events = entities.createQuery("from OutboxEvent where customerId = ?1", OutboxEvent.class)
                .setParameter(1, UUID.fromString(id)).getResultList();
        assertEquals(1, events.size());
        assertEquals(1, events.get(0).sequence);
        given().auth().none().when().get("/api/v1/customers/" + id + "/audit").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void analystsReadTheCaseAndItsAuditTrail() {
        String id = openAs(TestCustomers.person("Bruno Carvalho"));
        given().when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("legalName", equalTo("Bruno Carvalho"))
                .body("profile.countries", hasItem("PT"));
        given().when().get("/api/v1/customers/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("opened"))
                .body("[0].actor", equalTo("signup-flow"));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameCaseAndAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String first = open(key, TestCustomers.person("Chen Jia")).statusCode(201).extract().path("id");
        open(key, TestCustomers.person("Chen Jia")).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        open(key, TestCustomers.person("Chen Jie")).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void concurrentRetriesOfOneRequestMakeOneCase() {
        String key = UUID.randomUUID().toString();
        List<String> ids = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> open(key, TestCustomers.person("Dara Okafor")).statusCode(201)
                        .extract().<String>path("id")))
                .toList().stream().map(CompletableFuture::join).distinct().toList();
        assertEquals(1, ids.size(), ids.toString());
    }

    @Test
    void aMissingIdempotencyKeyIsRefused() {
        given().contentType("application/json").body(TestCustomers.person("Eva Novak")).when().post("/api/v1/customers")
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        Map<String, Object> bad = new HashMap<>(TestCustomers.person("x".repeat(10_000)));
        bad.put("countries", List.of("Narnia"));
        bad.put("emails", List.of("not-an-email"));
        bad.put("phones", List.of("030 123456"));
        bad.put("owners", List.of(Map.of("kind", "ORGANIZATION", "name", "Holdco", "percentage", 150)));
        long before = count();
        open(UUID.randomUUID().toString(), bad).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("legalName", "countries[0]", "emails[0]", "phones[0]", "owners[0].percentage"));
        assertEquals(before, count());
    }

    /** What screening-service could not screen is refused up front, so no accepted case waits for ever. */
    @Test
    void aProfileTooLargeToScreenIsRefusedNamingTheField() {
        Map<String, Object> manyNames = new HashMap<>(TestCustomers.person("Hana Novak"));
        manyNames.put("otherNames", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "Hana Alias " + i).toList());
        long before = count();
        open(UUID.randomUUID().toString(), manyNames).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("otherNames"));

        Map<String, Object> owner = Map.of("kind", "PERSON", "name", "Small Holder", "percentage", 1);
        Map<String, Object> manyOwners = new HashMap<>(TestCustomers.person("Ivo Petrov"));
        manyOwners.put("kind", "ORGANIZATION");
        manyOwners.put("owners", java.util.Collections.nCopies(50, Map.of("kind", "ORGANIZATION", "name", "Mid Holdco",
                "percentage", 2, "owners", java.util.Collections.nCopies(3, owner))));
        open(UUID.randomUUID().toString(), manyOwners).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("owners"))
                .body("errors.find { it.field == 'owners' }.message", containsString("201 parties; at most 200"));

        Map<String, Object> chain = owner;
        for (int level = 0; level < 11; level++) {
            chain = Map.of("kind", "ORGANIZATION", "name", "Layer " + level, "percentage", 100, "owners", List.of(chain));
        }
        Map<String, Object> deep = new HashMap<>(TestCustomers.person("Jana Horak"));
        deep.put("kind", "ORGANIZATION");
        deep.put("owners", List.of(chain));
        open(UUID.randomUUID().toString(), deep).statusCode(400)
                .body("errors.find { it.field == 'owners' }.message", containsString("12 levels deep; at most 10"));
        assertEquals(before, count());

        manyNames.put("otherNames", java.util.stream.IntStream.range(0, 19).mapToObj(i -> "Hana Alias " + i).toList());
        open(UUID.randomUUID().toString(), manyNames).statusCode(201);
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"kind\": \"PERSON\", \"legalName\": ").when().post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        Map<String, Object> huge = new HashMap<>(TestCustomers.person("Fatima Zahra"));
        huge.put("otherNames", List.of("y".repeat(1_200_000)));
        long before = count();
        open(UUID.randomUUID().toString(), huge).statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        assertEquals(before, count());
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void theRegulatorReadsFiledReportsNotCases() {
        open(UUID.randomUUID().toString(), TestCustomers.person("Goran Ilic")).statusCode(403);
        String id = openAs(TestCustomers.person("Goran Ilic"));
        for (String path : List.of("", "/" + id, "/" + id + "/audit", "/" + id + "/documents", "/" + id + "/payment-instruments",
                "/" + id + "/access-events", "/" + id + "/documents/" + UUID.randomUUID() + "/number")) {
            given().when().get("/api/v1/customers" + path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    /**
     * A malformed id or number in the path or the query string is the caller's mistake (400 naming the parameter),
     * as in every service; 404 means a well-formed id that does not exist.
     */
    @Test
    @TestSecurity(user = "ana", roles = {"analyst", "onboarding"})
    void aMalformedParameterIs400AndAnUnknownIdIs404() {
        given().when().get("/api/v1/customers/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("must be a UUID"));
        given().when().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries/seven/attempts").then().statusCode(400)
                .body("errors[0].field", equalTo("deliveryId"));
        given().queryParam("page", "second").when().get("/api/v1/reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("page")).body("errors[0].message", equalTo("must be a whole number"));
    }

    /** Another integration client's case is not there for this one: 404 for reading, changing and adding to it. */
    @Test
    @TestSecurity(user = "other-signup-flow", roles = "onboarding")
    void anOnboardingClientReachesOnlyTheCasesItOpened() {
        String theirs = openAs(TestCustomers.person("Nadia Elsewhere"));
        given().when().get("/api/v1/customers/" + theirs).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("reason", "not mine")).when()
                .post("/api/v1/customers/" + theirs + "/close").then().statusCode(404);
        given().when().get("/api/v1/customers/" + theirs + "/documents").then().statusCode(404);
        given().contentType("application/json").body(Map.of("events", List.of(Map.of("at", "2026-02-01T10:00:00Z",
                        "ip", "192.0.2.1", "action", "console-access"))))
                .when().post("/api/v1/customers/" + theirs + "/access-events").then().statusCode(404);

        UUID mine = cases.open(json.convertValue(TestCustomers.person("Nadia Here"), CaseRequest.class),
                UUID.randomUUID().toString(), "other-signup-flow", "other-signup-flow").customerCase().id;
        given().when().get("/api/v1/customers/" + mine).then().statusCode(200);
    }

    /** A body that cannot be read says where and why, in the request's own terms, and stores nothing. */
    @Test
    void unreadableBodiesSayWhereAndWhy() {
        long before = count();
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"kind\": \"PERSON\",\n \"legalName\": ").when().post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 2, column"));
        Map<String, Object> alien = new HashMap<>(TestCustomers.person("Olaf Alien"));
        alien.put("kind", "ALIEN");
        open(UUID.randomUUID().toString(), alien).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"))
                .body("detail", containsString("'ALIEN' is not one of [PERSON, ORGANIZATION]"))
                .body("detail", org.hamcrest.Matchers.not(containsString("io.tenantgate")));
        // A misspelt field is refused, not ignored (ignored, it opened a case "waiting for addresses").
        Map<String, Object> misspelt = new HashMap<>(TestCustomers.person("Mona Misspelt"));
        misspelt.put("adresses", misspelt.remove("addresses"));
        open(UUID.randomUUID().toString(), misspelt).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("adresses"))
                .body("detail", containsString("addresses"))
                .body("detail", org.hamcrest.Matchers.not(containsString("io.tenantgate")));
        assertEquals(before, count(), "nothing stored");
    }

    /** Staff read every case, whoever opened it. */
    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void analystsReachEveryCase() {
        given().when().get("/api/v1/customers/" + openAs(TestCustomers.person("Nadia Anywhere"))).then().statusCode(200);
    }

    private long count() {
        return entities.createQuery("select count(c) from CustomerCase c", Long.class).getSingleResult();
    }

    /** Opens a case as the sign-up flow would, for tests that run as another role. */
    private String openAs(Map<String, Object> body) {
        return cases.open(json.convertValue(body, CaseRequest.class), UUID.randomUUID().toString(), "signup-flow",
                "signup-flow").customerCase().id.toString();
    }

    private static ValidatableResponse open(String key, Map<String, Object> body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/customers").then();
    }
}
