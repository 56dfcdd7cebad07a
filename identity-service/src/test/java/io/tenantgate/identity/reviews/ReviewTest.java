package io.tenantgate.identity.reviews;

import io.tenantgate.identity.testing.ScreeningHits;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.outbox.OutboxEvent;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.decision.risk.Decision;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review queue and four-eyes clearance. Cases are put under review directly: screening is not running here. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ReviewTest {

    @Inject
    CaseService cases;

    @Inject
    ReviewService reviews;

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    @Test
    void aHighRiskClearanceNeedsASecondPersonWhoIsASupervisor() {
        UUID id = underReview(true, 40);

        CustomerCase proposed = reviews.decide(id, version(id), ReviewService.Outcome.CLEAR, "namesake, other DOB", "ana", false);
        assertEquals(Decision.REVIEW, proposed.decision);
        assertNotNull(proposed.reviewProposal);

        ProblemException same = assertThrows(ProblemException.class,
                () -> reviews.decide(id, version(id), ReviewService.Outcome.CLEAR, "still fine", "ana", true));
        assertEquals(409, same.problem().status());
        ProblemException notSupervisor = assertThrows(ProblemException.class,
                () -> reviews.decide(id, version(id), ReviewService.Outcome.CLEAR, "agree", "bob", false));
        assertEquals(403, notSupervisor.problem().status());

        CustomerCase approved = reviews.decide(id, version(id), ReviewService.Outcome.CLEAR, "agree", "sam", true);
        assertEquals(Decision.APPROVED, approved.decision);
        assertEquals(List.of("SDN:1"), approved.clearedEntries);
        assertTrue(approved.reasons.get(0).contains("signed off by sam"), approved.reasons.toString());
        assertEquals(List.of("opened", "clearance-proposed", "reviewed"),
                cases.auditTrail(id).stream().map(a -> a.action).toList());
    }

    @Test
    void anOrdinaryCaseIsClearedByOneAnalystAndARejectionNeedsOne() {
        UUID ordinary = underReview(false, 35);
        assertEquals(Decision.APPROVED,
                reviews.decide(ordinary, version(ordinary), ReviewService.Outcome.CLEAR, "known customer", "ana", false).decision);

        UUID risky = underReview(true, 60);
        assertEquals(Decision.REJECTED,
                reviews.decide(risky, version(risky), ReviewService.Outcome.REJECT, "true match", "ana", false).decision);
        List<String> events = entities.createQuery("from OutboxEvent where customerId = ?1 order by sequence", OutboxEvent.class)
                .setParameter(1, risky).getResultList().stream().map(e -> e.type).toList();
        assertEquals(List.of("DECISION", "REVIEW_OUTCOME"), events);
        List<String> approved = entities.createQuery("from OutboxEvent where customerId = ?1 order by sequence", OutboxEvent.class)
                .setParameter(1, ordinary).getResultList().stream().map(e -> e.type).toList();
        assertEquals(List.of("DECISION", "REVIEW_OUTCOME", "ACCOUNT_OPENED"), approved,
                "the first approval reports the account as opened");
    }

    /** page times size would overflow an int: the page is refused by name instead of answering 500. */
    @Test
    @io.quarkus.test.security.TestSecurity(user = "ana", roles = "analyst")
    void aPageBeyondTheLastPossibleOneIsRefusedNamingIt() {
        io.restassured.RestAssured.given().queryParam("page", Integer.MAX_VALUE).when().get("/api/v1/reviews")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("page"));
    }

    @Test
    void aStaleVersionOrACaseNotUnderReviewIsAConflict() {
        UUID id = underReview(false, 35);
        ProblemException stale = assertThrows(ProblemException.class,
                () -> reviews.decide(id, version(id) + 1, ReviewService.Outcome.CLEAR, "x", "ana", false));
        assertEquals(409, stale.problem().status());
        reviews.decide(id, version(id), ReviewService.Outcome.CLEAR, "fine", "ana", false);
        ProblemException done = assertThrows(ProblemException.class,
                () -> reviews.decide(id, version(id), ReviewService.Outcome.REJECT, "again", "ana", false));
        assertEquals(409, done.problem().status());
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void analystsSeeTheQueueAndDecideThroughRest() {
        UUID id = underReview(false, 35);
        given().when().get("/api/v1/reviews?size=200").then().statusCode(200).body("id", hasItem(id.toString()));
        given().contentType("application/json").body(Map.of("outcome", "CLEAR", "reason", "ok"))
                .when().post("/api/v1/reviews/" + id).then().statusCode(400).body("errors.field", hasItem("version"));
        given().contentType("application/json").body(Map.of("outcome", "CLEAR", "reason", "ok", "version", version(id)))
                .when().post("/api/v1/reviews/" + id).then().statusCode(200).body("decision", equalTo("APPROVED"));
    }

    @Test
    @TestSecurity(user = "signup", roles = "onboarding")
    void theSignUpFlowCannotReviewItsOwnCases() {
        given().when().get("/api/v1/reviews").then().statusCode(403);
    }

    /** The version now in the database (the test's own session would answer from its cache). */
    private long version(UUID id) {
        entities.clear();
        return cases.get(id).version;
    }

    /** A case as screening would leave it under review: with a potential match or without. */
    private UUID underReview(boolean listMatch, int riskScore) {
        CaseRequest request = json.convertValue(Map.of("kind", "PERSON", "legalName", "Review Subject " + UUID.randomUUID(),
                "countries", List.of("FR")), CaseRequest.class);
        UUID id = cases.open(request, UUID.randomUUID().toString(), "signup", "signup").customerCase().id;
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerCase c = entities.find(CustomerCase.class, id);
            c.decision = Decision.REVIEW;
            c.riskScore = riskScore;
            c.screening = new ScreeningSummary(listMatch
                    ? List.of(ScreeningHits.nameOnly("customer", "SDN:1", "SDN", 0.9, "NAMESAKE"))
                    : List.of(), List.of(), List.of(), List.of("SDN:1"), 0.88, 0);
        });
        return id;
    }
}
