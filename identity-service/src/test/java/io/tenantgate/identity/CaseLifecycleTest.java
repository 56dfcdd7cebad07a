package io.tenantgate.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tenantgate.identity.testing.FakeScreeningClient;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.retention.RetentionJob;
import io.tenantgate.identity.secrets.Resealer;
import io.tenantgate.sealing.FieldCipher;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case over its life: sealed at rest, updated with optimistic locking, closed, and erased after retention. */
@QuarkusTest
@TestProfile(FakePeers.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup-flow", roles = "onboarding")
class CaseLifecycleTest {

    @Inject
    EntityManager entities;

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper json;

    @Inject
    Resealer resealer;

    @Inject
    io.tenantgate.identity.secrets.CaseProfileSeal profileSeal;

    @Inject
    RetentionJob retention;

    @Test
    void theProfileIsSealedAtRestBoundToItsCaseAndRotatesToTheActiveKey() {
        UUID id = open("Ingrid Sealed");
        String stored = storedProfile(id);
        assertTrue(stored.startsWith("v2:test-1:"), stored);
        assertFalse(stored.contains("Ingrid") || stored.contains("1985"), stored);

        // a value under the retired key, and one written before sealing existed, are both moved to the active key
        FieldCipher retired = new FieldCipher(Map.of("test-old", bytes(0)), "test-old");
        UUID legacy = open("Lars Legacy");
        assertThrows(IllegalStateException.class, () -> profileSeal.open(stored, legacy),
                "a profile copied onto another case does not open there");
        String plain = new FieldCipher(Map.of("test-1", bytes(100)), "test-1")
                .open(storedProfile(legacy), "customer_case.profile", legacy.toString());
        QuarkusTransaction.requiringNew().run(() -> {
            setProfile(id, retired.seal(plain.replace("Lars Legacy", "Ingrid Sealed"), "customer_case.profile", id.toString()));
            setProfile(legacy, plain);
        });
        assertTrue(resealer.resealAll().get("customer_case.profile") >= 2);
        assertTrue(storedProfile(id).startsWith("v2:test-1:"));
        assertTrue(storedProfile(legacy).startsWith("v2:test-1:"));
        given().when().get("/api/v1/customers/" + legacy).then().statusCode(200).body("profile.legalName", equalTo("Lars Legacy"));
        assertEquals(0, resealer.resealAll().get("customer_case.profile"), "nothing is left under another key");
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndAStaleOneChangesNothing() {
        UUID id = open("Mira Update");
        long version = given().when().get("/api/v1/customers/" + id).then().extract().<Integer>path("version");
        Map<String, Object> changed = new HashMap<>(TestCustomers.person("Mira Update"));
        changed.put("emails", List.of("mira@example.org"));

        update(id, null, changed).statusCode(400).body("errors.field", hasItem("If-Match"));
        update(id, "\"" + (version + 7) + "\"", changed).statusCode(409).contentType("application/problem+json");
        update(id, "\"" + version + "\"", changed).statusCode(200)
                .body("profile.emails[0]", equalTo("mira@example.org")).body("version", equalTo((int) version + 1));
        update(id, "\"" + version + "\"", changed).statusCode(409);
        Map<String, Object> invalid = new HashMap<>(changed);
        invalid.put("countries", List.of());
        update(id, "\"" + (version + 1) + "\"", invalid).statusCode(400).body("errors.field", hasItem("countries"));
        given().when().get("/api/v1/customers/" + id).then().body("profile.emails[0]", equalTo("mira@example.org"));
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void theAuditTrailNamesWhatAnUpdateChanged() {
        UUID id = open("Nils Audit");
        Map<String, Object> changed = new HashMap<>(TestCustomers.person("Nils Audit"));
        changed.put("phones", List.of("+351219999999"));
        cases.update(id, json.convertValue(changed, CaseRequest.class), cases.get(id).version, "signup-flow");
        given().when().get("/api/v1/customers/" + id + "/audit").then().statusCode(200)
                .body("find { it.action == 'updated' }.detail.changedFields", equalTo(List.of("phones")));
    }

    @Test
    void aClosedAccountKeepsItsRecordsUntilRetentionErasesThem() {
        UUID id = open("Olga Closed");
        given().contentType("application/json").body(Map.of("events", List.of(Map.of("at", "2026-03-01T09:00:00Z",
                        "ip", "193.136.1.1", "action", "login"))))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(200);
        close(id).statusCode(200).body("closedAt", org.hamcrest.Matchers.notNullValue());
        close(id).statusCode(200);
        given().contentType("application/json").body(CaseEvidenceTest.passport("CL1234567", "CLOSED<<OLGA", "850412"))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(409)
                .contentType("application/problem+json");
        assertTrue(outboxTypes(id).contains("ACCOUNT_CLOSED"));

        retention.eraseExpired(OffsetDateTime.now(ZoneOffset.UTC).plusDays(729));
        given().when().get("/api/v1/customers/" + id).then().body("profile.legalName", equalTo("Olga Closed"));
        retention.eraseExpired(OffsetDateTime.now(ZoneOffset.UTC).plusDays(731));
        given().when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("profile", nullValue()).body("legalName", equalTo("(erased)"))
                .body("erasedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(0L, ((Number) entities.createNativeQuery("select count(*) from access_event where case_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> cases.auditTrail(id).stream()
                .map(a -> a.action).toList());
        assertTrue(actions.contains("personal-data-erased"), actions.toString());
    }

    @Test
    void onlyReviewingRolesSeeFullDatesOfBirth() {
        UUID id = open("Petra Masked");
        given().when().get("/api/v1/customers/" + id).then().body("profile.date.year", equalTo(1985))
                .body("profile.date.month", equalTo(0)).body("profile.date.day", equalTo(0));
    }

    @Test
    @TestSecurity(user = "sam", roles = "supervisor")
    void theCaseListFiltersAndPages() {
        FakeScreeningClient.available(false); // two cases wait for screening, until the list is read
        try {
            open("Quinn List");
            open("Rosa List");
            given().queryParam("decision", "PENDING_SCREENING").queryParam("size", 1).when().get("/api/v1/customers")
                    .then().statusCode(200).body("items.size()", lessThanOrEqualTo(1))
                    .body("items.decision", everyItem(equalTo("PENDING_SCREENING")))
                    .body("total", greaterThanOrEqualTo(2)).body("items[0].profile.date.month", equalTo(4));
        } finally {
            FakeScreeningClient.available(true);
        }
        given().queryParam("decision", "MAYBE").when().get("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", 10_000).when().get("/api/v1/customers").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    private UUID open(String name) {
        return cases.open(json.convertValue(TestCustomers.person(name), CaseRequest.class), UUID.randomUUID().toString(),
                "signup-flow", "signup-flow").customerCase().id;
    }

    private io.restassured.response.ValidatableResponse update(UUID id, String ifMatch, Map<String, Object> body) {
        var request = given().contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/customers/" + id).then();
    }

    private io.restassured.response.ValidatableResponse close(UUID id) {
        return given().contentType("application/json").body(Map.of("reason", "customer left"))
                .when().post("/api/v1/customers/" + id + "/close").then();
    }

    private String storedProfile(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entities
                .createNativeQuery("select profile from customer_case where id = ?1").setParameter(1, id).getSingleResult());
    }

    private void setProfile(UUID id, String value) {
        entities.createNativeQuery("update customer_case set profile = ?1 where id = ?2").setParameter(1, value)
                .setParameter(2, id).executeUpdate();
    }

    private List<String> outboxTypes(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                        "select type from OutboxEvent where customerId = ?1 order by sequence", String.class)
                .setParameter(1, id).getResultList());
    }

    private static byte[] bytes(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }
}
