package io.tenantgate.screening;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** Screening through REST against the bundled lists: matches with explanations, ownership, bad input. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup", roles = "onboarding")
class ScreeningResourceTest {

    static {
        // Scores and percentages compare as doubles.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static final Map<String, Object> HUAWEI = Map.of("names", List.of("Huawei Technologies Co., Ltd."),
            "kind", "ORGANIZATION");

    @Test
    void aListedPersonIsFoundWithTheExplanation() {
        screen(Map.of("names", List.of("Nicolas Maduro Moros"), "kind", "PERSON", "countries", List.of("VE"),
                "dates", List.of(Map.of("year", 1962, "month", 11, "day", 23))))
                .statusCode(200)
                .body("matches[0].entryKey", equalTo("SDN:22790"))
                .body("matches[0].sources", hasItem("SDN"))
                .body("matches[0].partyReference", equalTo("root"))
                .body("matches[0].score", greaterThanOrEqualTo(0.88))
                .body("matches[0].explanation.tokenPairs", not(empty()))
                .body("matches[0].explanation.facts.fact", hasItem("date_of_birth"))
                .body("matches[0].explanation.summary", notNullValue())
                .body("listVersions.source", hasItem("SDN"))
                .body("jurisdictionFindings.country", contains("VE"));
    }

    /** Invisible characters pasted into a listed name (zero-width, joiners, soft hyphens, direction marks) hide nothing. */
    @Test
    void aListedNameWithInvisibleCharactersIsStillFound() {
        screen(Map.of("names", List.of("\u200FNico\u200Blas Ma\u00ADduro\u200D Mo\u2060ros\u200E"), "kind", "PERSON",
                "countries", List.of("VE"), "dates", List.of(Map.of("year", 1962, "month", 11, "day", 23))))
                .statusCode(200)
                .body("matches[0].entryKey", equalTo("SDN:22790"))
                .body("matches[0].score", greaterThanOrEqualTo(0.88));
    }

    /** Only list files may be large: a screening body over 1 MiB is refused before it is read, and says so. */
    @Test
    void aScreeningBodyOverOneMebibyteIsRefused() {
        String huge = "{\"names\": [\"" + "A".repeat(1 << 20) + "\"], \"kind\": \"PERSON\"}";
        RestAssured.given().contentType("application/json").body(huge)
                .when().post("/api/v1/screenings")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 1048576 bytes"));
    }

    @Test
    void aCleanInventedNameHasNoMatch() {
        screen(Map.of("names", List.of("Ingeborg Quastenfeld-Abernathy"), "kind", "PERSON", "countries", List.of("NO")))
                .statusCode(200)
                .body("matches", empty())
                .body("ownershipFindings", empty())
                .body("jurisdictionFindings", empty());
    }

    @Test
    void aUsShellOwnedSixtyPercentByAListedCompanyIsCaughtThroughItsOwners() {
        screen(Map.of("reference", "customer", "names", List.of("Bluewater Compute Holdings LLC"),
                "kind", "ORGANIZATION", "countries", List.of("US"),
                "owners", List.of(Map.of("owner", HUAWEI, "percentage", 60))))
                .statusCode(200)
                .body("matches.partyReference", everyItem(equalTo("customer/owner0")))
                .body("ownershipFindings.rule", contains("LISTED_OWNER", "AGGREGATE_50"))
                .body("ownershipFindings[1].aggregatePercentage", closeTo(60.0, 0.001))
                .body("ownershipFindings[1].chains[0].partyReferences", contains("customer", "customer/owner0"));
    }

    @Test
    void listedOwnershipIsAggregatedThroughIntermediateCompanies() {
        Map<String, Object> holdco = Map.of("reference", "holdco", "names", List.of("Northwind Intermediate BV"),
                "kind", "ORGANIZATION", "owners", List.of(Map.of("owner", HUAWEI, "percentage", 70)));
        screen(Map.of("reference", "customer", "names", List.of("Bluewater Compute LLC"), "kind", "ORGANIZATION",
                "owners", List.of(Map.of("owner", holdco, "percentage", 80))))
                .statusCode(200)
                .body("ownershipFindings.rule", hasItem("AGGREGATE_50"))
                .body("ownershipFindings.find { it.rule == 'AGGREGATE_50' }.aggregatePercentage", closeTo(56.0, 0.001))
                .body("ownershipFindings.find { it.rule == 'AGGREGATE_50' }.chains[0].partyReferences",
                        contains("customer", "holdco", "holdco/owner0"));
    }

    @Test
    void aMinorityListedOwnerIsFlaggedButDoesNotBlock() {
        screen(Map.of("names", List.of("Bluewater Compute LLC"), "kind", "ORGANIZATION",
                "owners", List.of(Map.of("owner", HUAWEI, "percentage", 30))))
                .statusCode(200)
                .body("ownershipFindings.rule", contains("LISTED_OWNER"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        screen(Map.of("names", List.of())).statusCode(400).body("errors.field", hasItem("party.names"));
        screen(Map.of("names", List.of("x".repeat(10_000)))).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("party.names[0]"));
        screen(Map.of("names", List.of("Evil\u0000Name"))).statusCode(400).body("errors.field", hasItem("party.names[0]"));
        screen(Map.of("names", List.of("Acme"), "countries", List.of("Narnia"))).statusCode(400)
                .body("errors.field", hasItem("party.countries[0]"));
        screen(Map.of("names", List.of("Acme"), "owners", List.of(Map.of("owner", HUAWEI, "percentage", 150))))
                .statusCode(400).body("errors.field", hasItem("party.owners[0].percentage"));
        screen(Map.of("names", List.of("Acme"), "owners", List.of(Map.of("percentage", 10))))
                .statusCode(400).body("errors.field", hasItem("party.owners[0].owner"));
        given().contentType("application/json").body("{\"party\": {\"names\": [\"Acme\"], \"owners\": \"lots\"}}")
                .when().post("/api/v1/screenings").then().statusCode(400)
                .body("type", equalTo("https://tenantgate.io/problems/malformed-json"));
    }

    @Test
    void anOwnershipCycleIsRefused() {
        Map<String, Object> b = Map.of("reference", "b", "names", List.of("Beta Trading"),
                "owners", List.of(Map.of("owner", Map.of("reference", "a", "names", List.of("Alpha Trading")), "percentage", 50)));
        screen(Map.of("reference", "a", "names", List.of("Alpha Trading"), "owners", List.of(Map.of("owner", b, "percentage", 50))))
                .statusCode(400)
                .body("errors.field", contains("party.owners[0].owner.owners[0].owner.reference"))
                .body("detail", org.hamcrest.Matchers.containsString("cycle"));
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void onlyOnboardingAndAnalystsScreen() {
        screen(Map.of("names", List.of("Acme"))).statusCode(403);
    }

    private static ValidatableResponse screen(Map<String, Object> party) {
        return given().contentType("application/json").body(Map.of("party", party))
                .when().post("/api/v1/screenings").then();
    }
}
