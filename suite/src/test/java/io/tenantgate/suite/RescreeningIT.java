package io.tenantgate.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list update re-screens the customers already approved: an operator uploads an internal list that now
 * names an approved customer, and that customer's case is reopened for review with the new match.
 */
@ExtendWith(SuiteExtension.class)
class RescreeningIT {

    @Test
    void aListUpdateReopensAnApprovedCustomerForReview(TenantgateSuite suite) {
        Tokens tokens = new Tokens(suite);
        String name = "Quorvex Data Systems " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String identity = suite.settings().serviceUrl(Service.IDENTITY);
        String id = given().auth().oauth2(tokens.client("onboarding-demo")).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "ORGANIZATION", "legalName", name, "countries", List.of("SG"), "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Capital", "country", "SG"))))
                .when().post(identity + "/api/v1/customers")
                .then().statusCode(201).body("decision", equalTo("APPROVED")).extract().path("id");

        String internalList = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n"
                + "q-1," + name + ",,entity,SG,,,,provider's own block list\n";
        ListUploads.replaceInternalList(tokens.user("operator"), tokens.user("supervisor"),
                suite.settings().serviceUrl(Service.SCREENING), internalList.getBytes(StandardCharsets.UTF_8));

        String analyst = tokens.user("analyst");
        await("the case reopened within 30 s of the list update").atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(analyst).when().get(identity + "/api/v1/customers/" + id)
                        .then().statusCode(200).extract().path("decision"), "REVIEW"::equals);
        List<String> reasons = given().auth().oauth2(analyst).when().get(identity + "/api/v1/customers/" + id)
                .then().extract().jsonPath().getList("reasons");
        assertTrue(reasons.get(0).contains("INTERNAL:q-1"), reasons.toString());
    }
}
