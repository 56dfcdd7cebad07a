package io.tenantgate.reporting.reports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.proto.identity.v1.PersonStatus;
import io.tenantgate.reporting.obligations.ObligationService;
import io.tenantgate.reporting.obligations.ReportObligation;
import io.tenantgate.reporting.testing.FakeRegulator;
import io.tenantgate.sealing.FieldCipher;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regulator's read-only API, the audit chain and its verification, deadlines and escalation. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeRegulator.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "reg", roles = "regulator")
class RegulatorApiTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Inject
    ReportFixtures fixtures;

    @Inject
    ReportRetention retention;

    @Inject
    ReportResealer resealer;

    @Inject
    ReportService reports;

    @Inject
    ObligationService obligations;

    @Inject
    EntityManager entities;

    @Test
    void regulatorsListFiledReportsWithFiltersButNeverDrafts() {
        UUID filed = filedReport("JP");
        UUID draft = fixtures.draftOf(fixtures.decided(
                fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, "JP").account()).id);

        given().queryParam("type", "large_ai_training_run").queryParam("customerCountry", "JP").queryParam("size", 100)
                .when().get("/api/v1/reports").then().statusCode(200)
                .body("items.id", hasItem(filed.toString()))
                .body("items.id", not(hasItem(draft.toString())))
                .body("items.customerCountry", everyItem(equalTo("JP")));
        given().queryParam("customerCountry", "JP").queryParam("size", 1).queryParam("page", 0)
                .when().get("/api/v1/reports").then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        String today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString();
        given().queryParam("periodFrom", "2000-01-01").queryParam("periodTo", "2000-12-31").queryParam("customerCountry", "JP")
                .when().get("/api/v1/reports").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("periodFrom", today).queryParam("periodTo", today).queryParam("customerCountry", "JP")
                .when().get("/api/v1/reports").then().statusCode(200).body("items.id", hasItem(filed.toString()));
        given().when().get("/api/v1/reports/" + draft).then().statusCode(404);
    }

    @Test
    void badFiltersAndUnknownIdsAnswerProblemsNamingTheField() {
        given().queryParam("type", "MONTHLY").when().get("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("type"));
        given().queryParam("status", "LOST").when().get("/api/v1/reports").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().queryParam("periodFrom", "2026-13-01").when().get("/api/v1/reports").then().statusCode(400)
                .body("errors.field", hasItem("periodFrom"));
        given().queryParam("periodFrom", "2026-02-01").queryParam("periodTo", "2026-01-01").when().get("/api/v1/reports")
                .then().statusCode(400).body("errors.field", hasItem("periodTo"));
        given().queryParam("size", 1000).when().get("/api/v1/reports").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).when().get("/api/v1/reports").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().queryParam("customerCountry", "Germany").when().get("/api/v1/reports").then().statusCode(400)
                .body("errors.field", hasItem("customerCountry"));
        given().when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/reports/42").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void aReportReadsAsJsonAndAsPdfAndEveryReadIsAudited() throws IOException {
        UUID id = filedReport("DE");
        Report report = fixtures.report(id);

        given().accept("application/json").when().get("/api/v1/reports/" + id).then().statusCode(200)
                .body("contentHash", equalTo(report.contentHash))
                .body("signature", equalTo(report.signature))
                .body("content.customer.legalName", equalTo("Kestrel Labs GmbH"));
        byte[] pdf = given().accept("application/pdf").when().get("/api/v1/reports/" + id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\n", " ").replace("\r", "");
            assertTrue(text.contains("customer.legalName: Kestrel Labs GmbH"), text);
            assertTrue(text.contains("Content SHA-256: " + report.contentHash), text);
            assertTrue(text.contains("customer.ipAddresses[1].ipAddress: 203.0.113.7"), text);
        }

        given().when().get("/api/v1/reports/" + id + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'READ' }.actor", hasItem("reg"))
                .body("findAll { it.action == 'READ' }.details", hasItem(org.hamcrest.Matchers.containsString("\"format\":\"pdf\"")))
                .body("findAll { it.action == 'READ' }.details", hasItem(org.hamcrest.Matchers.containsString("\"format\":\"json\"")));
        given().when().get("/api/v1/reports/" + id + "/verification").then().statusCode(200)
                .body("report.signatureValid", equalTo(true))
                .body("chain.valid", equalTo(true));
    }

    /**
     * After a key rotation the re-sealing job moves each stored content to the active key (and seals one stored in
     * plain JSON before sealing existed); the content, its hash and its signature stay as they were.
     */
    @Test
    void contentsUnderARetiredKeyAreMovedToTheActiveOne() {
        UUID filed = filedReport("DE");
        UUID draft = fixtures.draftOf(fixtures.decided(fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON,
                "DE").account()).id);
        String filedContent = fixtures.report(filed).content();
        String draftContent = fixtures.report(draft).content();
        FieldCipher retired = new FieldCipher(Map.of("test-0", new byte[32]), "test-0");
        QuarkusTransaction.requiringNew().run(() -> {
            storeContent(filed, retired.seal(filedContent, ReportContentSeal.COLUMN, filed.toString()));
            storeContent(draft, draftContent);
        });

        assertTrue(resealer.resealAll() >= 2);

        for (UUID id : List.of(filed, draft)) {
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) entities.createNativeQuery(
                    "select content from report where id = ?1").setParameter(1, id).getSingleResult());
            assertTrue(stored.startsWith("v2:test-1:"), stored);
        }
        assertEquals(filedContent, fixtures.report(filed).content());
        assertEquals(draftContent, fixtures.report(draft).content());
        given().when().get("/api/v1/reports/" + filed + "/verification").then().statusCode(200)
                .body("report.contentHashMatches", equalTo(true)).body("report.signatureValid", equalTo(true));
    }

    private void storeContent(UUID report, String stored) {
        entities.createNativeQuery("update report set content = ?1 where id = ?2").setParameter(1, stored)
                .setParameter(2, report).executeUpdate();
    }

    /**
     * Past its retention period a filed report loses its content (the customer's personal data) but keeps what
     * proves it: the hash, the signature over it and the audit chain, and verification says the content is erased.
     * A draft never submitted is erased too and can no longer change.
     */
    @Test
    void pastRetentionAReportKeepsItsProofButNotItsContent() throws IOException {
        UUID filed = filedReport("DE");
        UUID draft = fixtures.draftOf(fixtures.decided(fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON,
                "DE").account()).id);
        Report before = fixtures.report(filed);
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("update report set decided_at = now() - interval '6 years' where id = ?1")
                    .setParameter(1, filed).executeUpdate();
            entities.createNativeQuery("update report set created_at = now() - interval '6 years' where id = ?1")
                    .setParameter(1, draft).executeUpdate();
        });

        assertTrue(retention.eraseExpired() >= 2);

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from report where id in (?1, ?2) and content is not null")
                .setParameter(1, filed).setParameter(2, draft).getSingleResult()).longValue()));
        given().accept("application/json").when().get("/api/v1/reports/" + filed).then().statusCode(200)
                .body("contentHash", equalTo(before.contentHash))
                .body("signature", equalTo(before.signature))
                .body("content", org.hamcrest.Matchers.nullValue())
                .body("contentErasedAt", org.hamcrest.Matchers.notNullValue());
        given().when().get("/api/v1/reports/" + filed + "/verification").then().statusCode(200)
                .body("report.signatureValid", equalTo(true))
                .body("report.contentHashMatches", equalTo(false))
                .body("report.detail", org.hamcrest.Matchers.startsWith("content erased under retention on "))
                .body("chain.valid", equalTo(true));
        byte[] pdf = given().accept("application/pdf").when().get("/api/v1/reports/" + filed).then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\n", " ").replace("\r", "");
            assertTrue(text.contains("Content: erased under retention on"), text);
            assertFalse(text.contains("Kestrel Labs"), text);
        }
        given().when().get("/api/v1/reports/" + filed + "/audit").then().statusCode(200)
                .body("findAll { it.action == 'CONTENT_ERASED' }.actor", hasItem("retention"));
        ProblemException changed = assertThrows(ProblemException.class, () -> reports.redraft(draft,
                fixtures.report(draft).version, "sam"));
        assertEquals(409, changed.problem().status());
    }

    @Test
    void theAuditTableRefusesChangesAndATamperedRowIsNamedByVerification() {
        UUID id = filedReport("DE");
        given().when().get("/api/v1/reports/" + id).then().statusCode(200);
        long seq = QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                        "select max(seq) from report_audit where report_id = ?1 and action = 'READ'")
                .setParameter(1, id).getSingleResult()).longValue());

        PersistenceException refused = assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> entities.createNativeQuery("update report_audit set actor = 'mallory' where seq = ?1")
                        .setParameter(1, seq).executeUpdate()));
        assertTrue(String.valueOf(rootMessage(refused)).contains("append-only"), rootMessage(refused));
        given().when().get("/api/v1/reports/audit/verification").then().statusCode(200).body("valid", equalTo(true));

        bypassingTheTrigger("update report_audit set actor = 'mallory' where seq = " + seq);
        try {
            given().when().get("/api/v1/reports/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) seq))
                    .body("reason", equalTo("row content does not match its hash"));
            given().when().get("/api/v1/reports/" + id + "/verification").then().statusCode(200)
                    .body("report.signatureValid", equalTo(true))
                    .body("chain.valid", equalTo(false));
        } finally {
            bypassingTheTrigger("update report_audit set actor = 'reg' where seq = " + seq);
        }
        given().when().get("/api/v1/reports/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void deadlinesShowOverdueAndDueSoonObligationsEscalatedOncePerLevel() {
        String overdueAccount = "acct-" + UUID.randomUUID();
        String soonAccount = "acct-" + UUID.randomUUID();
        // Runs known 20 and 13 days ago whose customers identity-service does not know yet: still owed, undecided.
        detectedDaysAgo(overdueAccount, 20);
        detectedDaysAgo(soonAccount, 13);
        ReportObligation overdue = ReportFixtures.await("obligation", () -> fixtures.obligation(overdueAccount).orElse(null));
        ReportObligation soon = ReportFixtures.await("obligation", () -> fixtures.obligation(soonAccount).orElse(null));

        given().when().get("/api/v1/reports/deadlines").then().statusCode(200)
                .body("overdue.id", hasItem(overdue.id.intValue()))
                .body("overdue.id", not(hasItem(soon.id.intValue())))
                .body("dueSoon.id", hasItem(soon.id.intValue()));
        given().queryParam("withinDays", 1).when().get("/api/v1/reports/deadlines").then().statusCode(200)
                .body("dueSoon.id", not(hasItem(soon.id.intValue())));
        given().queryParam("withinDays", 400).when().get("/api/v1/reports/deadlines").then().statusCode(400)
                .body("errors.field", hasItem("withinDays"));

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> obligations.escalate(now));
        QuarkusTransaction.requiringNew().run(() -> obligations.escalate(now));
        assertEquals(1, escalations(overdue.id, "OVERDUE"));
        assertEquals(1, escalations(soon.id, "DUE_SOON"));
        assertEquals(0, escalations(soon.id, "OVERDUE"));

        String exposition = given().port(managementPort).when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(gauge(exposition, "tenantgate_reports_overdue") >= 1, exposition);
        assertTrue(gauge(exposition, "tenantgate_reports_due_soon") >= 1, exposition);
    }

    /** A report drafted for a foreign customer of the given country, submitted and acknowledged. */
    private UUID filedReport(String country) {
        ReportFixtures.Customer customer = fixtures.reportableRun(PersonStatus.PERSON_STATUS_FOREIGN_PERSON, country);
        UUID id = fixtures.draftOf(fixtures.decided(customer.account()).id);
        reports.submit(id, fixtures.approvedByAnother(id), "olga");
        return ReportFixtures.await("acknowledgement", () -> fixtures.report(id).status == ReportStatus.ACKNOWLEDGED ? id : null);
    }

    private void detectedDaysAgo(String account, int days) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("""
                        insert into run_detection (account_id, run_id, trigger, detected_at, operations, threshold,
                            biological, run_start, last_usage, clusters)
                        values (?1, 'run-1', 'OPERATIONS_EXCEEDED', ?2, 2e26, 1e26, false, ?3, ?2, '{}')""")
                .setParameter(1, account).setParameter(2, at).setParameter(3, at.minus(30, ChronoUnit.DAYS)).executeUpdate());
    }

    private long escalations(long obligationId, String level) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery("""
                        select count(*) from report_audit where obligation_id = ?1 and action = 'ESCALATED'
                        and details like ?2""")
                .setParameter(1, obligationId).setParameter(2, "%\"level\":\"" + level + "\"%").getSingleResult()).longValue());
    }

    /** Edits the audit table as someone with direct database access would, switching the guard trigger off. */
    private void bypassingTheTrigger(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("alter table report_audit disable trigger report_audit_append_only").executeUpdate();
            entities.createNativeQuery(sql).executeUpdate();
            entities.createNativeQuery("alter table report_audit enable trigger report_audit_append_only").executeUpdate();
        });
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
