package io.tenantgate.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tenantgate.identity.testing.FakeScreeningClient;
import io.quarkus.test.security.TestSecurity;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.secrets.FingerprintRekeyer;
import io.tenantgate.identity.verification.CheckDigits;
import io.tenantgate.identity.verification.Fingerprint;
import io.tenantgate.identity.verification.IdentifierKind;
import io.tenantgate.identity.verification.IdentityFingerprinter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents, payment instruments and the access log of a case: checks, sealing, masking, duplicates. */
@QuarkusTest
@TestProfile(FakePeers.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "signup-flow", roles = "onboarding")
class CaseEvidenceTest {

    @Inject
    EntityManager entities;

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper json;

    @Inject
    FingerprintRekeyer rekeyer;

    @Test
    void aPassportIsCheckedSealedAndShownMasked() {
        UUID id = approvedCase("Joao Silva");
        String number = "CX" + (1_000_000 + (int) (Math.random() * 8_000_000));
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + id + "/documents")
                .then().statusCode(201)
                .body("maskedNumber", equalTo("*****" + number.substring(number.length() - 4)))
                .body("checks.findAll { it.outcome == 'FAIL' }.name", equalTo(List.of()))
                .body("checks.name", hasItems("document.mrz.check-digits", "document.name", "document.birth-date",
                        "document.number"));

        String stored = (String) entities.createNativeQuery("select number from identity_document where case_id = ?1")
                .setParameter(1, id).getSingleResult();
        assertTrue(stored.startsWith("v2:test-1:"), stored);
        assertFalse(stored.contains(number));
        assertEquals(Decision.APPROVED, decision(id), "a passing document leaves an approved case approved");
        // the same document again: answered with the stored one, not stored twice
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(200);
        given().when().get("/api/v1/customers/" + id + "/documents").then().statusCode(200).body("size()", equalTo(1));
    }

    /** A number is screened before it is stored: with screening-service away nothing is stored, and it says so. */
    @Test
    void aDocumentThatCannotBeScreenedIsNotStored() {
        UUID id = approvedCase("Ines Waiting");
        String number = "IW" + (1_000_000 + (int) (Math.random() * 8_000_000));
        FakeScreeningClient.available(false);
        try {
            given().contentType("application/json").body(passport(number, "WAITING<<INES", "850412"))
                    .when().post("/api/v1/customers/" + id + "/documents")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("nothing was stored"));
        } finally {
            FakeScreeningClient.available(true);
        }
        given().when().get("/api/v1/customers/" + id + "/documents").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(0, FakeScreeningClient.answered("Ines Waiting") - 1, "screened once, at sign-up");
        given().contentType("application/json").body(passport(number, "WAITING<<INES", "850412"))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(201);
        assertEquals(2, FakeScreeningClient.answered("Ines Waiting"), "screened again with the number");
    }

    @Test
    void aDocumentThatContradictsTheDeclarationSendsTheCaseToReviewAndIsReported() {
        UUID id = approvedCase("Joao Silva");
        given().contentType("application/json").body(passport("CX7654321", "SOUSA<<PEDRO", "700101"))
                .when().post("/api/v1/customers/" + id + "/documents")
                .then().statusCode(201)
                .body("checks.findAll { it.outcome == 'FAIL' }.name", hasItems("document.name", "document.birth-date"));
        assertEquals(Decision.REVIEW, decision(id));
        assertTrue(outboxTypes(id).contains("VERIFICATION_FAILURE"), outboxTypes(id).toString());
    }

    @Test
    void theSameDocumentOnTwoCustomersIsADuplicateIdentity() {
        String number = "DU" + (1_000_000 + (int) (Math.random() * 8_000_000));
        UUID first = approvedCase("Joao Silva");
        UUID second = approvedCase("Joao Silva");
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + first + "/documents").then().statusCode(201);
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + second + "/documents").then().statusCode(201);
        assertEquals(Decision.APPROVED, decision(first), "the first holder had no duplicate when it was added");
        assertEquals(Decision.REVIEW, decision(second));
        String reasons = String.join("; ", QuarkusTransaction.requiringNew().call(() ->
                entities.find(CustomerCase.class, second).reasons));
        assertTrue(reasons.contains("identity.duplicate"), reasons);
    }

    /**
     * After the fingerprint key changes, fingerprints made under the retired key are made again from the sealed
     * numbers, so the same passport given before and after the rotation is still a duplicate identity.
     */
    @Test
    void fingerprintsUnderARetiredKeyAreMadeAgainUnderTheActiveOne() {
        String number = "RK" + (1_000_000 + (int) (Math.random() * 8_000_000));
        UUID before = approvedCase("Joao Silva");
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + before + "/documents").then().statusCode(201);
        given().contentType("application/json").body(Map.of("type", "BANK_ACCOUNT",
                        "identifier", "PT50 0002 0123 1234 5678 9015 4", "sourceOfFunds", "salary"))
                .when().post("/api/v1/customers/" + before + "/payment-instruments").then().statusCode(201);
        IdentityFingerprinter retired = new IdentityFingerprinter("test-retired-fp", new byte[32]);
        QuarkusTransaction.requiringNew().run(() -> {
            setFingerprint("identity_document", before, retired.fingerprint(IdentifierKind.DOCUMENT, "PT", number));
            setFingerprint("payment_instrument", before,
                    retired.fingerprint(IdentifierKind.BANK_ACCOUNT, null, "PT50 0002 0123 1234 5678 9015 4"));
        });

        Map<String, Integer> made = rekeyer.rekeyAll();
        assertTrue(made.get("identity_document") >= 1 && made.get("payment_instrument") >= 1, made.toString());
        assertEquals(Map.of("identity_document", 0, "payment_instrument", 0), rekeyer.rekeyAll(), "nothing is left");
        assertEquals(List.of("test-fp"), entities.createNativeQuery("select distinct fingerprint_key_id from"
                + " identity_document where case_id = ?1").setParameter(1, before).getResultList());
        UUID after = approvedCase("Joao Silva");
        given().contentType("application/json").body(passport(number, "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + after + "/documents").then().statusCode(201);
        assertEquals(Decision.REVIEW, decision(after), "the passport held before the rotation is found again");
    }

    private void setFingerprint(String table, UUID caseId, Fingerprint fingerprint) {
        entities.createNativeQuery("update " + table + " set fingerprint = ?1, fingerprint_key_id = ?2 where case_id = ?3")
                .setParameter(1, fingerprint.value()).setParameter(2, fingerprint.keyId()).setParameter(3, caseId)
                .executeUpdate();
    }

    @Test
    @TestSecurity(user = "ana", roles = "analyst")
    void analystsReadAFullNumberAndTheReadingIsAudited() {
        UUID id = approvedCase("Joao Silva");
        String documentId = addAsSignupFlow(id, "AN1234567");
        given().when().get("/api/v1/customers/" + id + "/documents/" + documentId + "/number")
                .then().statusCode(200).body("number", equalTo("AN1234567"));
        given().when().get("/api/v1/customers/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("document-number-read"));
    }

    @Test
    void onboardingMayNotReadFullNumbers() {
        UUID id = approvedCase("Joao Silva");
        String documentId = addAsSignupFlow(id, "ON1234567");
        given().when().get("/api/v1/customers/" + id + "/documents/" + documentId + "/number").then().statusCode(403);
    }

    @Test
    void badDocumentsAreRefusedNamingTheField() {
        UUID id = approvedCase("Joao Silva");
        given().contentType("application/json")
                .body(Map.of("type", "DRIVING_LICENCE", "number", "X1", "issuingCountry", "PT"))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(Map.of("type", "PASSPORT", "number", "X1\u0000", "issuingCountry", "XX", "mrz", List.of("p<lower")))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(400)
                .body("errors.field", hasItems("number", "issuingCountry", "mrz[0]"));
        given().contentType("application/json").body(passport("NF1234567", "SILVA<<JOAO", "850412"))
                .when().post("/api/v1/customers/" + UUID.randomUUID() + "/documents").then().statusCode(404);
        given().when().get("/api/v1/customers/" + id + "/documents").then().body("size()", equalTo(0));
        given().when().get("/api/v1/customers/" + UUID.randomUUID() + "/documents").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void paymentInstrumentsAreCheckedAndNamedWhenWrong() {
        UUID id = approvedCase("Joao Silva");
        given().contentType("application/json").body(Map.of("type", "CARD", "identifier", "4111 1111 1111 1112",
                        "issuingCountry", "PT", "sourceOfFunds", "salary", "accountId", TestCustomers.accountId("Joao Silva")))
                .when().post("/api/v1/customers/" + id + "/payment-instruments").then().statusCode(201)
                .body("maskedIdentifier", equalTo("*****1112"))
                .body("checks.findAll { it.outcome == 'FAIL' }.name", hasItem("payment.card.number"));
        assertTrue(outboxTypes(id).contains("VERIFICATION_FAILURE"));
        given().contentType("application/json").body(Map.of("type", "BANK_ACCOUNT",
                        "identifier", "PT50 0002 0123 1234 5678 9015 4", "sourceOfFunds", "salary"))
                .when().post("/api/v1/customers/" + id + "/payment-instruments").then().statusCode(201)
                .body("issuingCountry", equalTo("PT"));
        given().contentType("application/json").body(Map.of("type", "INVOICE", "identifier", "123", "sourceOfFunds", "x"))
                .when().post("/api/v1/customers/" + id + "/payment-instruments").then().statusCode(400)
                .body("errors.field", hasItem("identifier"));
        given().contentType("application/json").body(Map.of("type", "CARD", "identifier", "-- -- --", "sourceOfFunds", "x"))
                .when().post("/api/v1/customers/" + id + "/payment-instruments").then().statusCode(400)
                .body("errors.field", hasItem("identifier"));
        given().contentType("application/json").body(Map.of("type", "PASSPORT", "number", "-- ..", "issuingCountry", "PT"))
                .when().post("/api/v1/customers/" + id + "/documents").then().statusCode(400)
                .body("errors.field", hasItem("number"));
        given().contentType("application/json").body(Map.of("type", "INVOICE", "sourceOfFunds", "revenue",
                        "accountId", "somebody-else"))
                .when().post("/api/v1/customers/" + id + "/payment-instruments").then().statusCode(400)
                .body("errors.field", hasItem("accountId"));
        String stored = (String) entities.createNativeQuery(
                "select string_agg(identifier, ' ') from payment_instrument where case_id = ?1").setParameter(1, id)
                .getSingleResult();
        assertFalse(stored.contains("4111"), stored);
    }

    @Test
    void accessEventsAreAppendedOnceAndABadBatchIsRefusedWhole() {
        UUID id = approvedCase("Joao Silva");
        List<Map<String, Object>> events = new ArrayList<>();
        IntStream.range(0, 3000).forEach(i -> events.add(Map.of("at", "2026-01-01T10:00:00Z",
                "ip", "193.136." + (i / 250) + "." + (i % 250 + 1), "action", "login")));
        given().contentType("application/json").body(Map.of("events", events))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(200)
                .body("received", equalTo(3000)).body("stored", equalTo(3000)).body("duplicates", equalTo(0));
        given().contentType("application/json").body(Map.of("events", events.subList(0, 10)))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(10));

        List<Map<String, Object>> bad = new ArrayList<>(events.subList(0, 2));
        bad.add(Map.of("at", "2026-01-02T10:00:00Z", "ip", "999.1.1.1", "action", "login"));
        bad.add(Map.of("at", "2999-01-01T00:00:00Z", "ip", "8.8.8.8", "action", "login"));
        given().contentType("application/json").body(Map.of("events", bad))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("events[2].ip", "events[3].at"));
        bad.add(Map.of("at", "2026-01-02T10:00:00Z", "ip", "8.8.8.8", "action", "Log In"));
        given().contentType("application/json").body(Map.of("events", bad))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(400)
                .body("errors.field", hasItem("events[4].action"));
        List<Map<String, Object>> tooMany = new ArrayList<>(events);
        IntStream.range(0, 8001).forEach(i -> tooMany.add(events.get(0)));
        given().contentType("application/json").body(Map.of("events", tooMany))
                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(400)
                .body("errors.field", hasItem("events"));
        assertEquals(3000L, ((Number) entities.createNativeQuery("select count(*) from access_event where case_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void concurrentBatchesOfTheSameEventsStoreEachOnce() {
        UUID id = approvedCase("Joao Silva");
        List<Map<String, Object>> events = IntStream.range(0, 500).mapToObj(i -> Map.<String, Object>of(
                "at", "2026-02-01T10:00:00Z", "ip", "2001:db8::" + Integer.toHexString(i + 1), "action", "console-access")).toList();
        List<Integer> stored = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        given().contentType("application/json").body(Map.of("events", events))
                                .when().post("/api/v1/customers/" + id + "/access-events").then().statusCode(200)
                                .extract().<Integer>path("stored")))
                .toList().stream().map(CompletableFuture::join).toList();
        assertEquals(500, stored.stream().mapToInt(Integer::intValue).sum(), stored.toString());
    }

    private String addAsSignupFlow(UUID id, String number) {
        return evidence.addDocument(id,
                json.convertValue(passport(number, "SILVA<<JOAO", "850412"), io.tenantgate.identity.evidence.DocumentRequest.class),
                "signup-flow").value().id.toString();
    }

    @Inject
    io.tenantgate.identity.evidence.EvidenceService evidence;

    /** Opens a case and marks it approved, as if screening had found nothing. */
    private UUID approvedCase(String name) {
        UUID id = cases.open(json.convertValue(TestCustomers.person(name), CaseRequest.class), UUID.randomUUID().toString(),
                "signup-flow", "signup-flow").customerCase().id;
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerCase subject = entities.find(CustomerCase.class, id);
            subject.decision = Decision.APPROVED;
            subject.reasons = List.of("screened: no match");
            subject.screening = new ScreeningSummary(List.of(), List.of(), List.of(), List.of("test"), 0.88, 0);
        });
        return id;
    }

    private Decision decision(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.find(CustomerCase.class, id).decision);
    }

    private List<String> outboxTypes(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                "select type from OutboxEvent where customerId = ?1 order by sequence", String.class)
                .setParameter(1, id).getResultList());
    }

    /** A TD3 passport MRZ for a Portuguese holder, with correct check digits, expiring in 2034. */
    static Map<String, Object> passport(String number, String mrzName, String birthDate) {
        String line1 = pad("P<PRT" + mrzName, 44);
        String documentNumber = pad(number, 9);
        String expiry = "341231";
        String optional = pad("", 14);
        String body = documentNumber + CheckDigits.icao(documentNumber) + "PRT" + birthDate + CheckDigits.icao(birthDate)
                + "M" + expiry + CheckDigits.icao(expiry) + optional + CheckDigits.icao(optional);
        String composite = documentNumber + CheckDigits.icao(documentNumber) + birthDate + CheckDigits.icao(birthDate)
                + expiry + CheckDigits.icao(expiry) + optional + CheckDigits.icao(optional);
        return Map.of("type", "PASSPORT", "number", number, "issuingCountry", "PT", "expiry", "2034-12-31",
                "mrz", List.of(line1, body + CheckDigits.icao(composite)));
    }

    private static String pad(String value, int length) {
        return (value + "<".repeat(length)).substring(0, length);
    }
}
