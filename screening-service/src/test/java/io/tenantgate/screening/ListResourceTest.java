package io.tenantgate.screening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ListResourceTest {

    @Test
    void anonymousCallersGetAProblem() {
        given().when().get("/api/v1/lists")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"tenantgate\"")
                .body("type", equalTo("https://tenantgate.io/problems/unauthenticated"));
    }

    @Test
    @TestSecurity(user = "carol", roles = "regulator")
    void aRoleOutsideTheListGetsForbidden() {
        given().when().get("/api/v1/lists")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void operatorsSeeTheListVersions() {
        given().when().get("/api/v1/lists")
                .then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void unknownPathsAreProblemsToo() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
