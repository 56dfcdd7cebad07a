package io.tenantgate.suite;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sign-up flow through the assembled suite: the onboarding integration opens cases on identity-service,
 * which screens over gRPC (with its own service token) against the bundled lists and decides.
 */
@ExtendWith(SuiteExtension.class)
class CustomerOnboardingIT {

    private static TenantgateSuite suite;
    private static String onboardingToken;

    @BeforeAll
    static void connect(TenantgateSuite running) {
        suite = running;
        onboardingToken = new Tokens(running).client("onboarding-demo");
    }

    @Test
    void aCleanForeignPersonIsApprovedAndTheDecisionReachesReporting() {
        String id = open(Map.of("kind", "PERSON", "legalName", "Amelie Laurent", "countries", List.of("FR"), "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Capital", "country", "FR")),
                "date", Map.of("year", 1985, "month", 4, "day", 12)))
                .statusCode(201)
                .body("decision", equalTo("APPROVED"))
                .body("personStatus", equalTo("FOREIGN_PERSON"))
                .body("screening.listVersions", hasItem(containsString("SDN:")))
                .extract().path("id");

        // The transactional outbox relays the decision to reporting-service within seconds.
        String operator = new Tokens(suite).user("operator");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("ACCOUNT_OPENED", "DECISION"),
                given().auth().oauth2(operator).queryParam("customerId", id)
                        .when().get(suite.settings().serviceUrl(Service.REPORTING) + "/api/v1/events")
                        .then().statusCode(200).extract().jsonPath().<String>getList("items.type").stream().sorted().toList()));
    }

    /** A listed party's e-mail address is caught whatever name the customer signs up under. */
    @Test
    void aListedEmailAddressIsCaughtUnderAnyName() {
        open(Map.of("kind", "ORGANIZATION", "legalName", "Harmless Bridge Analytics LLC", "countries", List.of("AE"),
                "emails", List.of("Office@GPSM.ru")))
                .statusCode(201)
                .body("decision", org.hamcrest.Matchers.not(equalTo("APPROVED")))
                .body("screening.hits[0].entryKey", equalTo("SDN:20285"));
    }

    @Test
    void anEntityListCompanyIsRejected() {
        open(Map.of("kind", "ORGANIZATION", "legalName", "Bel Huawei Technologies LLC", "countries", List.of("BY")))
                .statusCode(201)
                .body("decision", equalTo("REJECTED"))
                .body("screening.hits[0].sources", hasItem("EL"));
    }

    @Test
    void aUsShellOwnedSixtyPercentByAListedEntityIsCaughtThroughItsOwners() {
        open(Map.of("kind", "ORGANIZATION", "legalName", "Bluewater Compute Holdings LLC", "countries", List.of("US"),
                "owners", List.of(Map.of("kind", "ORGANIZATION", "name", "Bel Huawei Technologies LLC",
                        "countries", List.of("BY"), "percentage", 60))))
                .statusCode(201)
                .body("decision", equalTo("REJECTED"))
                .body("reasons[0]", containsString("AGGREGATE_50"))
                .body("screening.hits[0].partyReference", equalTo("customer/owner0"));
    }

    @Test
    void aPotentialMatchGoesToReview() {
        open(Map.of("kind", "PERSON", "legalName", "Nikolas Maduro Morros", "countries", List.of("CO"), "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Capital", "country", "CO"))))
                .statusCode(201)
                .body("decision", equalTo("REVIEW"))
                .body("reasons", hasItem(containsString("SDN:22790")));
    }

    /** Fail closed: with screening-service down nobody is approved; the case completes once it is back. */
    @Test
    void casesOpenedDuringAScreeningOutageWaitAndCompleteWhenItReturns() {
        suite.stop(Service.SCREENING);
        String id;
        try {
            id = open(Map.of("kind", "PERSON", "legalName", "Hiroshi Tanabe", "countries", List.of("JP"), "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", "Capital", "country", "JP"))))
                    .statusCode(201)
                    .body("decision", equalTo("PENDING_SCREENING"))
                    .extract().path("id");
        } finally {
            suite.restart(Service.SCREENING);
        }
        String analyst = new Tokens(suite).user("analyst");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"PENDING_SCREENING".equals(given().auth().oauth2(analyst)
                .when().get(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers/" + id)
                .then().statusCode(200).extract().path("decision")));
        assertEquals("APPROVED", given().auth().oauth2(analyst)
                .when().get(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers/" + id)
                .then().statusCode(200).extract().path("decision"), "the pending case did not complete after screening-service returned");
    }

    private static ValidatableResponse open(Map<String, Object> customer) {
        return given().auth().oauth2(onboardingToken).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(customer)
                .when().post(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers").then();
    }
}
