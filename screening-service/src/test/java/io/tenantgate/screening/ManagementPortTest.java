package io.tenantgate.screening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Health, metrics and the OpenAPI document answer on the management port only, never on the public API port. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ManagementPortTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void readinessChecksTheDatabaseOnTheManagementPort() {
        given().port(managementPort).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsAndTheOpenApiDocumentAreOnTheManagementPort() {
        given().port(managementPort).when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().port(managementPort).when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/v1/screenings"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui"})
    void thePublicPortServesNoneOfThem(String path) {
        given().when().get(path).then().statusCode(404);
    }
}
