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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * No personal data in any log line: a customer's name, birth date, e-mail, phone, street, passport number and
     * access IP, sent through sign-up, documents and access events, appear in no log of any process of the suite
     * (services, Keycloak, PostgreSQL) once the case is decided and its events are in reporting-service.
     */
    @Test
    void personalDataStaysOutOfTheLogs() throws java.io.IOException {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String family = "Quarrendale" + tag;
        String email = "zephyrine." + tag + "@example.org";
        String passport = "ZQ" + tag.toUpperCase(java.util.Locale.ROOT) + "481";
        String street = "17 Wintergreen Terrace " + tag;
        String ip = "203.0.113." + (1 + Math.floorMod(tag.hashCode(), 250));
        String identity = suite.settings().serviceUrl(Service.IDENTITY);
        String id = open(Map.of("kind", "PERSON", "legalName", "Zephyrine " + family, "countries", List.of("FR"),
                "date", Map.of("year", 1971, "month", 3, "day", 9), "emails", List.of(email), "phones", List.of("+33612" + "480357"),
                "addresses", List.of(Map.of("lines", List.of(street), "city", "Lyon", "country", "FR"))))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(onboardingToken).contentType("application/json")
                .body(Map.of("type", "PASSPORT", "number", passport, "issuingCountry", "FR", "expiry", "2031-01-01"))
                .when().post(identity + "/api/v1/customers/" + id + "/documents").then().statusCode(201);
        given().auth().oauth2(onboardingToken).contentType("application/json")
                .body(Map.of("events", List.of(Map.of("at", "2026-12-01T10:00:00Z", "ip", ip, "action", "login"))))
                .when().post(identity + "/api/v1/customers/" + id + "/access-events").then().statusCode(200);
        String operator = new Tokens(suite).user("operator");
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(operator).queryParam("customerId", id)
                .when().get(suite.settings().serviceUrl(Service.REPORTING) + "/api/v1/events")
                .then().statusCode(200).extract().jsonPath().getList("items.type").contains("DECISION"));

        // The logs searched are the running suite's own: the services' logs are there and hold this run's lines.
        assertTrue(java.nio.file.Files.size(suite.settings().logs().resolve("identity-service.log")) > 0);
        List<String> personal = List.of(family, email, passport, street, ip, "33612480357", "1971-03-09");
        List<String> leaks = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(suite.settings().logs())) {
            for (java.nio.file.Path log : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
                personal.stream().filter(text::contains).forEach(value -> leaks.add(log.getFileName() + ": " + value));
            }
        }
        assertEquals(List.of(), leaks, "personal data in the logs of " + suite.settings().logs());
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

    /**
     * A document number or wallet address given after sign-up is screened too: paying from a wallet OFAC lists for
     * the Lazarus Group rejects a customer whose name matches nothing, and a passport number OFAC lists does the same.
     */
    @Test
    void aListedWalletOrPassportNumberAddedLaterIsCaughtUnderAnyName() {
        String identity = suite.settings().serviceUrl(Service.IDENTITY);
        String wallet = open(Map.of("kind", "ORGANIZATION", "legalName", "Quillon Ledger Services " + UUID.randomUUID()
                        .toString().substring(0, 6), "countries", List.of("SG"), "addresses",
                List.of(Map.of("lines", List.of("1 Main Street"), "city", "Singapore", "country", "SG"))))
                .statusCode(201).body("decision", equalTo("APPROVED")).extract().path("id");
        given().auth().oauth2(onboardingToken).contentType("application/json")
                .body(Map.of("type", "CRYPTO_WALLET", "identifier", "0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
                        "sourceOfFunds", "company treasury"))
                .when().post(identity + "/api/v1/customers/" + wallet + "/payment-instruments")
                .then().statusCode(201);
        given().auth().oauth2(onboardingToken).when().get(identity + "/api/v1/customers/" + wallet)
                .then().statusCode(200)
                .body("decision", equalTo("REJECTED"))
                .body("screening.hits[0].entryKey", equalTo("SDN:27307"))
                .body("reasons[0]", containsString("SDN:27307"));

        String passport = open(person("Karim Haddad", "EG", "1970-03-02", "Cairo"))
                .statusCode(201).body("decision", org.hamcrest.Matchers.not(equalTo("REJECTED"))).extract().path("id");
        given().auth().oauth2(onboardingToken).contentType("application/json")
                .body(Map.of("type", "PASSPORT", "number", "19820215", "issuingCountry", "EG",
                        "expiry", "2031-01-01"))
                .when().post(identity + "/api/v1/customers/" + passport + "/documents")
                .then().statusCode(201);
        given().auth().oauth2(onboardingToken).when().get(identity + "/api/v1/customers/" + passport)
                .then().statusCode(200)
                .body("decision", equalTo("REJECTED"))
                .body("screening.hits.entryKey", hasItem("SDN:2676"));
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

    /** A name alone, however exact, never rejects: the Entity List's David Wong has no birth date and lives abroad. */
    @Test
    void aNameOnlyMatchGoesToReviewSayingSo() {
        open(person("David Wong", "US", "1980-03-14", "New York"))
                .statusCode(201)
                .body("decision", equalTo("REVIEW"))
                .body("screening.hits[0].nameScore", equalTo(1.0f))
                .body("reasons", hasItem(containsString("'David Wong' (EL:")))
                .body("reasons", hasItem(containsString("name only; no identifier to confirm")));
    }

    /** One listed person on two State Department lists is one hit and counts once in the risk score. */
    @Test
    void theSamePartyOnTwoSourcesIsOneHit() {
        open(person("Maria Lopez", "MX", "1985-06-02", "Mexico City"))
                .statusCode(201)
                .body("decision", equalTo("REVIEW"))
                .body("screening.hits", org.hamcrest.Matchers.hasSize(1))
                .body("screening.hits[0].sources", org.hamcrest.Matchers.containsInAnyOrder("DPL", "DTC"))
                .body("riskScore", equalTo(54));
    }

    /** A near-exact name and an agreeing birth date are evidence an examiner accepts: the case is rejected. */
    @Test
    void aListedPersonWithAnAgreeingBirthDateIsRejected() {
        open(person("Ko Tae Hun", "KP", "1972-05-25", "Pyongyang"))
                .statusCode(201)
                .body("decision", equalTo("REJECTED"))
                .body("reasons[0]", containsString("restricted party: the customer is 'KO, Tae Hun' (SDN:18555 on SDN)"))
                .body("reasons[0]", containsString("date of birth 1972-05-25 agrees"));
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

    /** A person with a birth date, living in the country of its citizenship. */
    private static Map<String, Object> person(String name, String country, String dateOfBirth, String city) {
        java.time.LocalDate date = java.time.LocalDate.parse(dateOfBirth);
        return Map.of("kind", "PERSON", "legalName", name, "countries", List.of(country),
                "date", Map.of("year", date.getYear(), "month", date.getMonthValue(), "day", date.getDayOfMonth()),
                "addresses", List.of(Map.of("lines", List.of("1 Main Street"), "city", city, "country", country)));
    }

    private static ValidatableResponse open(Map<String, Object> customer) {
        return given().auth().oauth2(onboardingToken).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(customer)
                .when().post(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/customers").then();
    }
}
