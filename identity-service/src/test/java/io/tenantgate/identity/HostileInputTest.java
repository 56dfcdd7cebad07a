package io.tenantgate.identity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Input a careless or hostile sign-up flow may send: names in any script with invisible characters, fields far longer
 * than any column, bodies nested past any sensible depth, batches past their limit. Each gets a correct result or a
 * problem+json 4xx naming what is wrong, never a 500 and never half a case.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup-flow", roles = "onboarding")
class HostileInputTest {

    /** Names in scripts the screening engine romanises and some it does not; with direction marks and zero-width characters. */
    @ParameterizedTest
    @ValueSource(strings = {"สมชาย ใจดี", "राहुल शर्मा", "გიორგი ბერიძე", "Արամ Պետրոսյան", "አበበ ቢቂላ", "សុខ សុភា",
            "王小明", "김민준", "\u200Fمحمد\u200F \u200Fعلي\u200F", "דוד\u200F כהן", "Zor\u200Bvex\u200D Quan\u00ADtum",
            "\u202EeciL ardnaS\u202C", "𝐁𝐨𝐥𝐝 𝐍𝐚𝐦𝐞", "Ǆemal Ŀuka"})
    void aNameInAnyScriptOpensACase(String name) {
        open(TestCustomers.person(name)).statusCode(201).body("profile.legalName", equalTo(name));
    }

    @Test
    void aTenThousandCharacterNameIsRefusedNamingTheField() {
        open(TestCustomers.person("A".repeat(10_000))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("legalName"));
    }

    @Test
    void ownersNestedPastTheScreenableDepthAreRefused() {
        Map<String, Object> owner = ownerOwning(null, 0);
        for (int depth = 1; depth <= 11; depth++) {
            owner = ownerOwning(owner, depth);
        }
        Map<String, Object> request = new HashMap<>(TestCustomers.person("Deep Holdings Ltd"));
        request.put("kind", "ORGANIZATION");
        request.remove("date");
        request.put("owners", List.of(owner));
        open(request).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("owners"));
    }

    /** Ten thousand levels of JSON: refused as unreadable before anything recurses that deep. */
    @Test
    void aBodyNestedTenThousandLevelsDeepIsRefused() {
        String deep = "{\"kind\":\"ORGANIZATION\",\"legalName\":\"X\",\"countries\":[\"DE\"],\"owners\":"
                + "[{\"kind\":\"ORGANIZATION\",\"name\":\"Y\",\"owners\":".repeat(10_000) + "[]" + "}]".repeat(10_000) + "}";
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString()).body(deep)
                .when().post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBatchOfAccessEventsPastItsLimitIsRefusedWhole() {
        String id = open(TestCustomers.person("Batch Limit " + UUID.randomUUID())).statusCode(201).extract().path("id");
        Map<String, Object> event = Map.of("at", "2026-12-01T10:00:00Z", "ip", "203.0.113.9", "action", "login");
        given().contentType("application/json").body(Map.of("events", java.util.Collections.nCopies(10_001, event)))
                .when().post("/api/v1/customers/" + id + "/access-events")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("events"));
        given().when().get("/api/v1/customers/" + id).then().statusCode(200);
    }

    private static Map<String, Object> ownerOwning(Map<String, Object> owned, int depth) {
        Map<String, Object> owner = new HashMap<>(Map.of("kind", "ORGANIZATION", "name", "Layer " + depth + " Holdings",
                "countries", List.of("DE"), "percentage", 60));
        if (owned != null) {
            owner.put("owners", List.of(owned));
        }
        return owner;
    }

    private static ValidatableResponse open(Map<String, Object> request) {
        return given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(request).when().post("/api/v1/customers").then();
    }
}
