package io.tenantgate.identity.rescreening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.FakePeers;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.identity.testing.FakeScreeningClient;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer screened by a replica that had not read the newest list change yet, after identity-service took
 * that change in, is screened against the change's delta before its case is stored.
 */
@QuarkusTest
@TestProfile(FakePeers.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ScreeningCatchUpTest {

    @Inject
    CaseService cases;

    @Inject
    Rescreening rescreening;

    @Inject
    EntityManager entities;

    @AfterEach
    void answerAsUsual() {
        FakeScreeningClient.answerAsOfChange(0);
    }

    @Test
    void aCustomerScreenedWithAnOlderIndexIsScreenedAgainstTheChangesTakenInSince() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Catchup Trading " + tag;
        // above the ids other tests take in, so only this test's changes come after the answer's
        long answeredWith = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
        long missed = answeredWith + 1;
        FakeDeltaScreener.entries.put(missed, Map.of(name, "INTERNAL:c-" + tag));
        QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(new ListDelta(missed, "INTERNAL", 11,
                List.of("INTERNAL:c-" + tag), List.of(), List.of())));
        FakeScreeningClient.answerAsOfChange(answeredWith);

        UUID id = cases.open(new CaseRequest(CaseRequest.Kind.ORGANIZATION, name, List.of(), null, List.of("SG"),
                List.of(new CaseRequest.Address(List.of("1 Harbour Road"), "Singapore", null, "018989", "SG")), List.of(),
                List.of(), List.of(), null, List.of()), "catch-up-" + tag, "test", "test").customerCase().id;

        CustomerCase opened = QuarkusTransaction.requiringNew().call(() -> entities.find(CustomerCase.class, id));
        assertEquals(Decision.REVIEW, opened.decision, opened.reasons.toString());
        assertEquals(List.of("INTERNAL:c-" + tag), opened.screening.hits().stream().map(ScreeningSummary.Hit::entryKey).toList());
        assertEquals(missed, opened.screening.listChangeId());
        assertTrue(opened.screening.listVersions().contains("INTERNAL:11"), opened.screening.listVersions().toString());
        assertTrue(FakeDeltaScreener.screened.get(missed).contains(new UUID(0, 0)), "screened against the missed delta");
    }

    /** A missed change that cannot be screened leaves the case waiting for screening, decided once it can be. */
    @Test
    void aMissedChangeThatCannotBeScreenedLeavesTheCaseWaiting() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long answeredWith = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
        long missed = answeredWith + 1;
        QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(new ListDelta(missed, "INTERNAL", 12,
                List.of("INTERNAL:w-" + tag), List.of(), List.of())));
        FakeScreeningClient.answerAsOfChange(answeredWith);
        FakeDeltaScreener.failNext.add(missed);

        UUID id = cases.open(new CaseRequest(CaseRequest.Kind.ORGANIZATION, "Waiting Trading " + tag, List.of(), null,
                List.of("SG"), List.of(new CaseRequest.Address(List.of("1 Harbour Road"), "Singapore", null, "018989", "SG")),
                List.of(), List.of(), List.of(), null, List.of()), "catch-up-" + tag, "test", "test").customerCase().id;

        // the decision the case was opened with (the retry job may screen it again at any moment after)
        assertEquals(Decision.PENDING_SCREENING.name(), QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "select detail ->> 'decision' from case_audit where case_id = ?1 and action = 'opened'")
                .setParameter(1, id).getSingleResult()));
    }
}
