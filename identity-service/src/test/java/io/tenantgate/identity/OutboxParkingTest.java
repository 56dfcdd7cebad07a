package io.tenantgate.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.testing.FakeReportingClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An outbox event reporting-service refuses is parked with the reason; the events behind it go out all the same,
 * where the relay used to retry its head batch for ever.
 */
@QuarkusTest
@TestProfile(FakePeers.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup-flow", roles = {"onboarding", "operator"})
class OutboxParkingTest {

    @Test
    void anEventReportingServiceRefusesIsParkedAndTheEventsBehindItGoOut() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> refusedProfile = new HashMap<>(TestCustomers.person("Tala Tuvalu " + tag));
        refusedProfile.put("countries", List.of(FakeReportingClient.REFUSED_COUNTRY));
        refusedProfile.put("addresses", List.of(Map.of("lines", List.of("1 Vaiaku Road"), "city", "Funafuti",
                "country", FakeReportingClient.REFUSED_COUNTRY)));
        UUID refused = UUID.fromString(open(refusedProfile));
        UUID fine = UUID.fromString(open(TestCustomers.person("Fine Behind " + tag)));

        await().atMost(Duration.ofSeconds(60)).until(() -> FakeReportingClient.received(fine));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("kind", "outbox").when().get("/api/v1/parked")
                .then().statusCode(200).extract().jsonPath().getInt("counts.outbox") >= 2);
        assertFalse(FakeReportingClient.received(refused), "a refused event is not counted as sent");
        given().queryParam("kind", "outbox").when().get("/api/v1/parked").then().statusCode(200)
                .body("items.reason", everyItem(startsWith("reporting-service refused the event: INVALID_ARGUMENT")));
    }

    private static String open(Map<String, Object> profile) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(profile).when().post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }
}
