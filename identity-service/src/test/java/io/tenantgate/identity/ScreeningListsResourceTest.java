package io.tenantgate.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ScreeningListsResourceTest {

    @Test
    void anonymousCallersAreRefused() {
        given().when().get("/api/v1/screening/lists")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void regulatorsCannotSeeScreeningInternals() {
        given().when().get("/api/v1/screening/lists")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** Without a service token (OIDC client off in tests) no call leaves the service: 503, not a leak. */
    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void noServiceTokenMeansScreeningUnavailable() {
        given().when().get("/api/v1/screening/lists")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tenantgate.io/problems/screening-unavailable"))
                .body("detail", containsString("no service token"));
    }
}
