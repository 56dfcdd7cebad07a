package io.tenantgate.reporting.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.proto.identity.v1.PersonStatus;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import io.tenantgate.reporting.obligations.ObligationStatus;
import io.tenantgate.reporting.obligations.ReportObligation;
import io.tenantgate.reporting.testing.FakeIdentityService;
import io.tenantgate.reporting.testing.FakeRegulator;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tenantgate.reporting.reports.ReportFixtures.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Obligations from detections, drafting from the CIP record, submission, signing, amendment and filing. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeRegulator.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "sam", roles = "supervisor")
class ReportLifecycleTest {

    @Inject
    ReportFixtures fixtures;

    @Inject
    EntityManager entities;

    @Inject
    EventIntakeService events;

    @Inject
    ReportContentSeal contentSeal;

    @Test
    void aForeignCustomersRunOwesAReportDueFifteenDaysAfterKnowledgeDraftedFromTheCipRecord() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "DE");

        ReportObligation obligation = fixtures.decided(customer.account());
        assertEquals(ObligationStatus.DUE, obligation.status);
        assertEquals(obligation.knowledgeAt.plus(Duration.ofDays(15)), obligation.dueAt);
        assertEquals(customer.customerId(), obligation.customerId);
        assertTrue(obligation.facts.contains("OPERATIONS_EXCEEDED"), obligation.facts);

        UUID draft = fixtures.draftOf(obligation.id);
        given().when().get("/api/v1/reports/" + draft).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("customerCountry", equalTo("DE"))
                .body("content.customer.legalName", equalTo("Kestrel Labs GmbH"))
                .body("content.customer.addresses[0].city", equalTo("Berlin"))
                .body("content.customer.meansAndSourceOfPayment[0].sourceOfFunds", equalTo("company revenue"))
                .body("content.customer.emails", contains("cfo@kestrel.example"))
                .body("content.customer.phones", contains("+4930123456"))
                .body("content.customer.ipAddresses[0].ipAddress", equalTo("203.0.113.7"))
                .body("content.customer.ipAddresses[0].occurredAt", equalTo("2026-01-01T00:00:00Z"))
                .body("content.customer.beneficialOwners[0].name", equalTo("Jana Vogel"))
                .body("content.trainingRun.operationsSoFar", equalTo(1.1e26f))
                .body("content.trainingRun.conditionsMet.trigger", hasItem("OPERATIONS_EXCEEDED"))
                .body("content.trainingRun.clusters[0].acceleratorType", equalTo("H100"))
                .body("content.trainingRun.clusters[0].maxAccelerators", equalTo(100_000))
                .body("content.trainingRun.dataType", equalTo("not primarily biological sequence data"))
                .body("signature", equalTo(null));

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entities
                .createNativeQuery("select content from report where id = ?1").setParameter(1, draft).getSingleResult());
        assertTrue(stored.startsWith("v2:test-1:"), "the content is sealed at rest: " + stored.substring(0, 20));
        assertFalse(stored.contains("Kestrel") || stored.contains("203.0.113.7"), "no personal data in the column");
        assertThrows(IllegalStateException.class, () -> contentSeal.open(stored, UUID.randomUUID()),
                "a content copied onto another report does not open there");
    }

    /** The operator runs the filing (redraft, submit) from the report's metadata; its content is for supervisors. */
    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOperatorHandlesAReportWithoutSeeingItsContent() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "DE");
        UUID draft = fixtures.draftOf(fixtures.decided(customer.account()).id);

        given().when().get("/api/v1/reports/" + draft).then().statusCode(403);
        given().accept("application/pdf").when().get("/api/v1/reports/" + draft).then().statusCode(403);
        given().when().post("/api/v1/reports/" + draft + "/approve?version=0").then().statusCode(403);
        given().when().post("/api/v1/reports/" + draft + "/redraft?version=0").then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("customerCountry", equalTo("DE"))
                .body("contentHash", notNullValue())
                .body("content", equalTo(null));
        given().when().get("/api/v1/reports/" + draft + "/verification").then().statusCode(200);
    }

    @Test
    void aUsPersonsRunOwesNoReportAndTheReasonIsKept() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_US_PERSON, "US");

        ReportObligation obligation = fixtures.decided(customer.account());
        assertEquals(ObligationStatus.NOT_DUE, obligation.status);
        assertTrue(obligation.reason.contains("US person"), obligation.reason);
        long reports = QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                "select count(r) from Report r where r.obligationId = ?1", Long.class).setParameter(1, obligation.id)
                .getSingleResult());
        assertEquals(0, reports);
    }

    @Test
    void whileIdentityServiceIsUnavailableTheObligationWaitsAndIsDecidedLater() {
        String account = "acct-" + UUID.randomUUID();
        String customerId = UUID.randomUUID().toString();
        FakeIdentityService.register(ReportFixtures.cip(customerId, account, PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "FR"));
        FakeIdentityService.unavailable(account, true);
        fixtures.runOver(account);

        ReportObligation waiting = await("a failed attempt", () -> fixtures.obligation(account)
                .filter(o -> o.attempts >= 1).orElse(null));
        assertEquals(ObligationStatus.PENDING_IDENTITY, waiting.status);
        assertTrue(waiting.lastError.contains("UNAVAILABLE"), waiting.lastError);

        FakeIdentityService.unavailable(account, false);
        assertEquals(ObligationStatus.DUE, fixtures.decided(account).status);
    }

    @Test
    void aSubmittedReportIsSignedImmutableAndCorrectedByAnAmendment() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "DE");
        UUID id = fixtures.draftOf(fixtures.decided(customer.account()).id);

        int redrafted = given().when().post("/api/v1/reports/" + id + "/redraft?version=0").then().statusCode(200)
                .extract().path("version");
        given().when().post("/api/v1/reports/" + id + "/submit?version=0").then().statusCode(409)
                .contentType("application/problem+json");
        // Four eyes: nobody approved it yet; then sam approves and cannot submit what he approved himself.
        given().when().post("/api/v1/reports/" + id + "/submit?version=" + redrafted).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("approval"));
        int approved = given().when().post("/api/v1/reports/" + id + "/approve?version=" + redrafted).then().statusCode(200)
                .body("approvedBy", equalTo("sam")).extract().path("version");
        given().when().post("/api/v1/reports/" + id + "/submit?version=" + approved).then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("another person"));
        int version = (int) fixtures.approvedByAnother(id);
        given().when().post("/api/v1/reports/" + id + "/submit?version=" + version).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("keyId", startsWith("ephemeral-"))
                .body("signature", notNullValue())
                .body("signedPayload", notNullValue());

        int submitted = version + 1;
        given().when().post("/api/v1/reports/" + id + "/redraft?version=" + submitted).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("amendment"));
        given().when().post("/api/v1/reports/" + id + "/submit?version=" + submitted).then().statusCode(409);

        given().when().get("/api/v1/reports/" + id + "/verification").then().statusCode(200)
                .body("report.contentHashMatches", equalTo(true))
                .body("report.signatureValid", equalTo(true));

        String amendment = given().contentType("application/json").body(Map.of("reason", "owner share corrected"))
                .when().post("/api/v1/reports/" + id + "/amendments").then().statusCode(201)
                .body("amends", equalTo(id.toString()))
                .body("status", equalTo("DRAFT"))
                .body("content.amendmentReason", equalTo("owner share corrected"))
                .extract().path("id");
        given().contentType("application/json").body(Map.of("reason", "again")).when()
                .post("/api/v1/reports/" + amendment + "/amendments").then().statusCode(409);
        given().contentType("application/json").body(Map.of("reason", " ")).when()
                .post("/api/v1/reports/" + id + "/amendments").then().statusCode(400).body("errors.field", hasItem("reason"));

        given().when().get("/api/v1/reports/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("DRAFTED")).body("action", hasItem("REDRAFTED"))
                .body("action", hasItem("APPROVED")).body("action", hasItem("SUBMITTED")).body("action", hasItem("AMENDED"));
    }

    @Test
    void filingRetriesAfterAFailureAndStoresTheAcknowledgement() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "DE");
        UUID id = fixtures.draftOf(fixtures.decided(customer.account()).id);
        FakeRegulator.script(id.toString(), new FakeRegulator.Answer(503, "{\"error\":\"maintenance\"}"));

        given().when().post("/api/v1/reports/" + id + "/submit?version=" + fixtures.approvedByAnother(id)).then().statusCode(200);

        Report acknowledged = await("acknowledgement", () -> {
            Report r = fixtures.report(id);
            return r.status == ReportStatus.ACKNOWLEDGED ? r : null;
        });
        assertEquals("ACK-" + id.toString().substring(0, 8), acknowledged.acknowledgementId);
        assertEquals(1, acknowledged.filingAttempts);
        assertEquals("HTTP 503", acknowledged.lastFilingError);
        List<String> filed = FakeRegulator.received(id.toString());
        assertEquals(2, filed.size());
        assertTrue(filed.get(1).contains("\"signature\":\"" + acknowledged.signature + "\""));
        assertTrue(filed.get(1).contains("\"keyId\":\"" + acknowledged.keyId + "\""));
        given().when().get("/api/v1/reports/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("FILING_FAILED")).body("action", hasItem("ACKNOWLEDGED"));
    }

    @Test
    void aRejectionByTheRegulatorIsStoredWithItsReason() {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "DE");
        UUID id = fixtures.draftOf(fixtures.decided(customer.account()).id);
        FakeRegulator.script(id.toString(), new FakeRegulator.Answer(422, "{\"reason\":\"beneficial owner address missing\"}"));

        given().when().post("/api/v1/reports/" + id + "/submit?version=" + fixtures.approvedByAnother(id)).then().statusCode(200);

        Report rejected = await("rejection", () -> {
            Report r = fixtures.report(id);
            return r.status == ReportStatus.REJECTED ? r : null;
        });
        assertEquals("HTTP 422: beneficial owner address missing", rejected.rejectionReason);
        assertNull(rejected.acknowledgementId);
        assertEquals(1, FakeRegulator.received(id.toString()).size());
    }

    @Test
    void periodicReportsCountTheComplianceEventsOfTheirPeriod() {
        String a = "cust-" + UUID.randomUUID();
        String b = "cust-" + UUID.randomUUID();
        events.record(List.of(event(a, 1, "ACCOUNT_OPENED", null, "2019-02-01T10:00:00Z", "CN"),
                event(a, 2, "DECISION", "APPROVED", "2019-02-01T10:00:01Z", "CN"),
                event(b, 1, "ACCOUNT_OPENED", null, "2019-03-01T10:00:00Z", "RU"),
                event(b, 2, "VERIFICATION_FAILURE", "UNVERIFIED", "2019-03-01T10:00:01Z", "RU"),
                event(b, 3, "ACCOUNT_CLOSED", null, "2019-04-01T10:00:00Z", "RU"),
                event(b, 4, "ACCOUNT_OPENED", null, "2020-01-01T00:00:00Z", "RU")));

        given().contentType("application/json").body(Map.of("type", "ANNUAL_CIP_CERTIFICATION",
                        "periodStart", "2019-01-01", "periodEnd", "2019-12-31"))
                .when().post("/api/v1/reports").then().statusCode(201)
                .body("content.foreignAccountsOpened", equalTo(2))
                .body("content.foreignCustomersVerified", equalTo(1))
                .body("content.foreignCustomersFailedToVerify", equalTo(1))
                .body("content.foreignAccountsClosed", equalTo(1))
                .body("content.cipProgramVersion", equalTo("1"));
        given().contentType("application/json").body(Map.of("type", "VERIFICATION_FAILURES_SUMMARY",
                        "periodStart", "2019-01-01", "periodEnd", "2019-12-31"))
                .when().post("/api/v1/reports").then().statusCode(201)
                .body("content.total", equalTo(1))
                .body("content.byCountry.RU", equalTo(1))
                .body("content.failures[0].customerId", equalTo(b));
    }

    @Test
    void draftRequestsAreValidatedFieldByField() {
        given().contentType("application/json").body(Map.of("type", "MONTHLY", "periodStart", "2019-01-01"))
                .when().post("/api/v1/reports").then().statusCode(400).body("errors.field", hasItem("type"));
        given().contentType("application/json").body(Map.of("type", "ANNUAL_CIP_CERTIFICATION",
                        "periodStart", "2019-02-30", "periodEnd", "2019-12-31"))
                .when().post("/api/v1/reports").then().statusCode(400).body("errors.field", hasItem("periodStart"));
        given().contentType("application/json").body(Map.of("type", "ANNUAL_CIP_CERTIFICATION",
                        "periodStart", "2019-12-31", "periodEnd", "2019-01-01"))
                .when().post("/api/v1/reports").then().statusCode(400).body("errors.field", hasItem("periodEnd"));
        given().contentType("application/json").body(Map.of("type", "LARGE_AI_TRAINING_RUN"))
                .when().post("/api/v1/reports").then().statusCode(400).body("errors.field", hasItem("obligationId"));
        given().contentType("application/json").body(Map.of("type", "LARGE_AI_TRAINING_RUN", "obligationId", 999_999_999))
                .when().post("/api/v1/reports").then().statusCode(404);
        given().when().post("/api/v1/reports/" + UUID.randomUUID() + "/submit?version=0").then().statusCode(404);
        given().when().post("/api/v1/reports/not-a-uuid/submit?version=0").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        given().when().post("/api/v1/reports/" + UUID.randomUUID() + "/submit").then().statusCode(400)
                .body("errors.field", hasItem("version"));
    }

    @Test
    @TestSecurity(user = "reg", roles = "regulator")
    void regulatorsCannotChangeReports() {
        given().contentType("application/json").body(Map.of("type", "ANNUAL_CIP_CERTIFICATION",
                "periodStart", "2019-01-01", "periodEnd", "2019-12-31")).when().post("/api/v1/reports").then().statusCode(403);
        given().when().post("/api/v1/reports/" + UUID.randomUUID() + "/submit?version=0").then().statusCode(403);
        given().when().get("/api/v1/reports/deadlines").then().statusCode(403);
    }

    private static ComplianceEvent event(String customer, long sequence, String type, String outcome, String at,
                                         String country) {
        ComplianceEvent e = new ComplianceEvent();
        e.eventId = UUID.randomUUID();
        e.customerId = customer;
        e.sequence = sequence;
        e.type = type;
        e.occurredAt = OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC);
        e.outcome = outcome;
        e.reasons = type.equals("VERIFICATION_FAILURE") ? "document expired" : "";
        e.customerCountry = country;
        e.foreignPerson = true;
        e.actor = "identity-service";
        return e;
    }
}
