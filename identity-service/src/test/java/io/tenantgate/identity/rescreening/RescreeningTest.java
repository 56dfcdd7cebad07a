package io.tenantgate.identity.rescreening;

import io.tenantgate.identity.testing.ScreeningHits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.ScreeningSummary;
import io.tenantgate.decision.person.PersonStatus;
import io.tenantgate.decision.risk.Decision;
import io.tenantgate.identity.parking.ParkedWork;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-screening against a list change's delta, in chunks (two cases per chunk in tests), with screening-service
 * replaced by {@link FakeDeltaScreener}.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class RescreeningTest {

    @Inject
    Rescreening rescreening;

    @Inject
    EntityManager entities;

    @Inject
    ParkedWork parked;

    @Test
    void aChangeIsScreenedOnceInChunksAndNewMatchesReopenTheirCases() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long change = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        UUID clean = insert("Alpha Clean " + tag, List.of(), Decision.APPROVED, List.of());
        UUID ownerListed = insert("Beta Holdings " + tag, List.of("Zorvex Arms " + tag), Decision.APPROVED, List.of());
        UUID customerListed = insert("Epsilon Trade " + tag, List.of(), Decision.REVIEW, List.of());
        UUID cleared = insert("Gamma Cleared " + tag, List.of(), Decision.APPROVED, List.of("INTERNAL:g-" + tag));
        UUID closed = insert("Delta Closed " + tag, List.of(), Decision.APPROVED, List.of());
        UUID waiting = insert("Omega Waiting " + tag, List.of(), Decision.PENDING_INFO, List.of());
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "update customer_case set closed_at = now() where id = ?1").setParameter(1, closed).executeUpdate());
        FakeDeltaScreener.entries.put(change, Map.of("Zorvex Arms " + tag, "INTERNAL:z-" + tag,
                "Epsilon Trade " + tag, "INTERNAL:e-" + tag, "Gamma Cleared " + tag, "INTERNAL:g-" + tag,
                "Delta Closed " + tag, "INTERNAL:d-" + tag, "Omega Waiting " + tag, "INTERNAL:o-" + tag));
        ListDelta delta = new ListDelta(change, "INTERNAL", 7, List.of("INTERNAL:z-" + tag, "INTERNAL:e-" + tag,
                "INTERNAL:d-" + tag, "INTERNAL:o-" + tag), List.of("INTERNAL:g-" + tag), List.of());
        FakeDeltaScreener.failNext.add(change); // the first chunk claimed fails and is claimed again

        long cases = QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                .createNativeQuery("select count(*) from customer_case").getSingleResult()).longValue());
        int chunks = QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(delta));
        assertEquals((cases + 1) / 2, chunks, "two cases per chunk");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(delta)),
                "a change taken in twice (another replica, a resumed stream) is recorded once");

        rescreening.work(); // the scheduler's rounds run beside it, as another replica's would
        waitUntilSettled(change);

        List<UUID> screened = FakeDeltaScreener.screened.get(change);
        assertEquals(new HashSet<>(screened).size(), screened.size(), "no case is screened twice for one change");
        assertTrue(screened.containsAll(List.of(clean, ownerListed, customerListed, cleared, waiting)));
        assertFalse(screened.contains(closed), "a closed account is not re-screened");

        CustomerCase owner = find(ownerListed);
        assertEquals(Decision.REVIEW, owner.decision);
        assertTrue(owner.reasons.get(0).startsWith("list change " + change + ": new potential match of customer/owner0 with INTERNAL:z-" + tag),
                owner.reasons.toString());
        assertEquals(List.of("INTERNAL:z-" + tag), owner.screening.hits().stream().map(ScreeningSummary.Hit::entryKey).toList());
        assertTrue(owner.screening.listVersions().contains("INTERNAL:7"), owner.screening.listVersions().toString());
        assertEquals(1, count("select count(*) from outbox_event where customer_id = ?1 and payload ->> 'actor' = 'rescreening'", ownerListed));
        assertEquals(1, count("select count(*) from case_audit where case_id = ?1 and action = 'rescreened'", ownerListed));

        CustomerCase customer = find(customerListed);
        assertEquals(1, customer.reasons.stream().filter(r -> r.contains("list change " + change)).count(), customer.reasons.toString());

        assertEquals(Decision.APPROVED, find(clean).decision);
        assertEquals(0, count("select count(*) from case_audit where case_id = ?1 and action = 'rescreened'", clean));

        CustomerCase wasCleared = find(cleared);
        assertEquals(List.of(), wasCleared.clearedEntries, "an entry whose content changed is no longer cleared");
        assertEquals(Decision.APPROVED, wasCleared.decision, "a cleared match already known does not reopen by itself");
        assertEquals(Decision.APPROVED, find(closed).decision);

        CustomerCase stillWaiting = find(waiting);
        assertEquals(Decision.PENDING_INFO, stillWaiting.decision, "a name-only match waits for the missing data");
        assertEquals(List.of("INTERNAL:o-" + tag), stillWaiting.screening.hits().stream().map(ScreeningSummary.Hit::entryKey)
                .toList(), "and counts when the data arrives");

        assertEquals(2, count("select coalesce(sum(reopened), 0) from rescreen_chunk where change_id = ?1", change));
    }

    @Test
    void aChunkScreeningServiceRefusesIsParkedWhileTheOthersGoOnAndGoesOnWhenReleased() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long change = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        insert("Kappa Refused " + tag, List.of(), Decision.APPROVED, List.of());
        insert("Lambda Fine " + tag, List.of(), Decision.APPROVED, List.of());
        FakeDeltaScreener.refuseNext.add(change);
        ListDelta delta = new ListDelta(change, "INTERNAL", 9, List.of("INTERNAL:k-" + tag), List.of(), List.of());
        int chunks = QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(delta));
        assertTrue(chunks >= 2, "cases in " + chunks + " chunks");

        waitUntilSettled(change);

        assertEquals(1, count("select count(*) from rescreen_chunk where change_id = ?1 and parked_at is not null", change));
        assertEquals(chunks - 1, count("select count(*) from rescreen_chunk where change_id = ?1 and done_at is not null", change),
                "every other chunk went on");
        ParkedWork.Item item = parked.list(ParkedWork.Kind.RESCREENING, 1000).stream()
                .filter(i -> i.id().startsWith(change + ":")).findFirst().orElseThrow();
        assertEquals(1, item.attempts());
        assertTrue(item.reason().startsWith("INVALID_ARGUMENT: subjects[0]"), item.reason());

        parked.release(ParkedWork.Kind.RESCREENING, item.id());
        waitUntilSettled(change);
        assertEquals(chunks, count("select count(*) from rescreen_chunk where change_id = ?1 and done_at is not null", change));
    }

    @Test
    void aChangeThatOnlyRemovesEntriesNeedsNoScreening() {
        long change = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> rescreening.takeIn(
                new ListDelta(change, "INTERNAL", 3, List.of(), List.of(), List.of("INTERNAL:gone")))));
        assertEquals(1, count("select count(*) from list_change_seen where change_id = ?1", change));
    }

    /** Waits until every chunk of the change is done or parked, running rounds beside the scheduler's. */
    private void waitUntilSettled(long change) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            rescreening.work();
            return count("select count(*) from rescreen_chunk where change_id = ?1 and done_at is null and parked_at is null",
                    change) == 0;
        });
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private CustomerCase find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.find(CustomerCase.class, id));
    }

    private UUID insert(String name, List<String> owners, Decision decision, List<String> clearedEntries) {
        CaseRequest profile = new CaseRequest(CaseRequest.Kind.ORGANIZATION, name, List.of(), null, List.of("SG"),
                List.of(), List.of(), List.of(), List.of(), null, owners.stream()
                .map(owner -> new CaseRequest.Owner(CaseRequest.Kind.ORGANIZATION, owner, null, List.of("SG"), List.of(),
                        60, false, List.of())).toList());
        CustomerCase subject = new CustomerCase();
        subject.id = UUID.randomUUID();
        subject.kind = profile.kind();
        subject.legalName = name;
        subject.declare(profile);
        subject.decision = decision;
        subject.reasons = List.of("seeded by the test");
        subject.personStatus = PersonStatus.FOREIGN_PERSON;
        subject.riskScore = 10;
        subject.screening = new ScreeningSummary(clearedEntries.stream().map(key -> ScreeningHits.nameOnly(
                "customer", key, "INTERNAL", 0.9, name)).toList(), List.of(), List.of(),
                List.of("INTERNAL:6"), 0.88, 0);
        subject.clearedEntries = clearedEntries;
        subject.idempotencyKey = "rescreen-test-" + subject.id;
        subject.requestHash = "0".repeat(64);
        subject.createdBy = "test";
        subject.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        subject.updatedAt = subject.createdAt;
        QuarkusTransaction.requiringNew().run(() -> entities.persist(subject));
        return subject.id;
    }
}
