package io.tenantgate.identity.cases;

import io.tenantgate.decision.risk.Decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CustomerCase, UUID> {

    /** The case that holds a provider account id (newest first, should an account ever move). */
    public Optional<CustomerCase> findByAccountId(String accountId) {
        @SuppressWarnings("unchecked")
        List<CustomerCase> found = getEntityManager().createNativeQuery(
                        "select c.* from customer_case c join customer_account a on a.case_id = c.id"
                                + " where a.account_id = ?1 order by c.created_at desc limit 1",
                        CustomerCase.class)
                .setParameter(1, accountId).getResultList();
        return found.stream().findFirst();
    }

    /** Indexes the case under the provider's account ids it declares (in the caller's transaction). */
    public void linkAccounts(CustomerCase subject, List<String> accountIds) {
        getEntityManager().createNativeQuery("delete from customer_account where case_id = ?1")
                .setParameter(1, subject.id).executeUpdate();
        for (String accountId : new java.util.LinkedHashSet<>(accountIds)) {
            getEntityManager().createNativeQuery("insert into customer_account (account_id, case_id) values (?1, ?2)")
                    .setParameter(1, accountId).setParameter(2, subject.id).executeUpdate();
        }
    }

    /** Filters of the case list; null means any. */
    public record Filter(Decision decision, io.tenantgate.decision.person.PersonStatus personStatus,
                         java.time.OffsetDateTime openedFrom, java.time.OffsetDateTime openedTo) {

        String query() {
            java.util.List<String> terms = new java.util.ArrayList<>(java.util.List.of("1 = 1"));
            parameters().map().keySet().forEach(name -> terms.add(switch (name) {
                case "decision" -> "decision = :decision";
                case "status" -> "personStatus = :status";
                case "from" -> "createdAt >= :from";
                default -> "createdAt < :to";
            }));
            return String.join(" and ", terms);
        }

        io.quarkus.panache.common.Parameters parameters() {
            io.quarkus.panache.common.Parameters given = new io.quarkus.panache.common.Parameters();
            if (decision != null) given.and("decision", decision);
            if (personStatus != null) given.and("status", personStatus);
            if (openedFrom != null) given.and("from", openedFrom);
            if (openedTo != null) given.and("to", openedTo);
            return given;
        }
    }

    public List<CustomerCase> list(Filter filter, int page, int size) {
        return find(filter.query() + " order by createdAt desc, id", filter.parameters()).page(page, size).list();
    }

    public long count(Filter filter) {
        return count(filter.query(), filter.parameters());
    }

    public Optional<CustomerCase> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /**
     * Claims the case that has waited longest for screening among those due (not parked, backoff over): its
     * next attempt moves a lease ahead, under SKIP LOCKED, so no other replica takes it while this one screens it.
     * Commits with the caller's transaction.
     */
    public Optional<WaitingCase> claimWaitingForScreening(java.time.Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = getEntityManager().createNativeQuery("""
                        update customer_case set screening_next_attempt_at = now() + make_interval(secs => ?1)
                        where id = (select id from customer_case
                                    where decision = 'PENDING_SCREENING' and closed_at is null
                                      and screening_parked_at is null
                                      and (screening_next_attempt_at is null or screening_next_attempt_at <= now())
                                    order by screening_next_attempt_at nulls first, created_at
                                    limit 1 for update skip locked)
                        returning id, screening_attempts""")
                .setParameter(1, (double) lease.toMillis() / 1000).getResultList();
        return claimed.stream().findFirst().map(row -> new WaitingCase((UUID) row[0], ((Number) row[1]).intValue()));
    }

    /** Records a failed screening attempt; the case is due again after the given wait. */
    public void screeningFailed(UUID id, java.time.Duration wait) {
        getEntityManager().createNativeQuery("""
                        update customer_case set screening_attempts = screening_attempts + 1,
                               screening_next_attempt_at = now() + make_interval(secs => ?2)
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, (double) wait.toMillis() / 1000).executeUpdate();
    }

    /** Parks a case whose screening can never succeed as it stands: it stays PENDING_SCREENING, with the reason. */
    public void parkScreening(UUID id, String reason) {
        getEntityManager().createNativeQuery("""
                        update customer_case set screening_attempts = screening_attempts + 1,
                               screening_parked_at = now(), screening_parked_reason = ?2
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, reason).executeUpdate();
    }

    /**
     * Starts a case's screening retries afresh (in the caller's transaction): its profile changed, so a parked or
     * backed-off screening of the old profile says nothing of the new one.
     */
    public void restartScreeningRetries(UUID id) {
        getEntityManager().createNativeQuery("""
                        update customer_case set screening_attempts = 0, screening_next_attempt_at = null,
                               screening_parked_at = null, screening_parked_reason = null
                        where id = ?1""")
                .setParameter(1, id).executeUpdate();
    }

    /** A case waiting for screening, with the attempts it has had so far. */
    public record WaitingCase(UUID id, int attempts) {
    }

    public List<CaseAudit> auditTrail(UUID caseId) {
        return getEntityManager().createQuery("from CaseAudit where caseId = ?1 order by id", CaseAudit.class)
                .setParameter(1, caseId).getResultList();
    }

    /** The client that opened the case; empty when there is no such case or it was opened before this was kept. */
    public java.util.Optional<String> openingClient(UUID id) {
        return getEntityManager().createQuery("select openedByClient from CustomerCase where id = ?1", String.class)
                .setParameter(1, id).getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }
}
