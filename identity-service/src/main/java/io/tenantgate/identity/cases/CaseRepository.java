package io.tenantgate.identity.cases;

import io.tenantgate.identity.risk.Decision;

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
                        "select * from customer_case where profile->'accountIds' @> jsonb_build_array(cast(?1 as text))"
                                + " order by created_at desc limit 1",
                        CustomerCase.class)
                .setParameter(1, accountId).getResultList();
        return found.stream().findFirst();
    }

    public Optional<CustomerCase> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public List<CustomerCase> waitingForScreening(int max) {
        return find("decision", Sort.by("createdAt"), Decision.PENDING_SCREENING).page(0, max).list();
    }

    public List<CaseAudit> auditTrail(UUID caseId) {
        return getEntityManager().createQuery("from CaseAudit where caseId = ?1 order by id", CaseAudit.class)
                .setParameter(1, caseId).getResultList();
    }

    public long nextOutboxSequence(UUID customerId) {
        Long last = getEntityManager().createQuery(
                        "select max(sequence) from OutboxEvent where customerId = ?1", Long.class)
                .setParameter(1, customerId).getSingleResult();
        return last == null ? 1 : last + 1;
    }
}
