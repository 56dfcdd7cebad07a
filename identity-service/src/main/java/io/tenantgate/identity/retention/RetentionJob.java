package io.tenantgate.identity.retention;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.jobs.Batches;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Removes the personal data of accounts closed longer than the retention period (default two years): the
 * declared profile, the screening details, documents, payment instruments and the access log. The case keeps
 * its id, decision, dates and audit trail, and the audit trail records the erasure. Replicas share the work
 * (SKIP LOCKED).
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final int BATCH = 100;
    static final String ERASED_NAME = "(erased)";

    private final EntityManager entities;
    private final CaseService cases;
    private final IdentityConfig config;

    public RetentionJob(EntityManager entities, CaseService cases, IdentityConfig config) {
        this.entities = entities;
        this.cases = cases;
        this.config = config;
    }

    @Scheduled(every = "${tenantgate.identity.retention-interval:1h}", delay = 60,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        int erased = eraseExpired(OffsetDateTime.now(ZoneOffset.UTC));
        if (erased > 0) {
            LOG.infof("Retention: erased the personal data of %d closed accounts", erased);
        }
    }

    /** Erases every account closed before {@code now} minus the retention period; answers how many. */
    public int eraseExpired(OffsetDateTime now) {
        OffsetDateTime closedBefore = now.minus(config.retentionAfterClosure());
        return Batches.untilShort(BATCH, () -> eraseBatch(closedBefore));
    }

    private int eraseBatch(OffsetDateTime closedBefore) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entities.createNativeQuery("select id from customer_case where closed_at < ?1 and erased_at is null"
                        + " order by closed_at limit " + BATCH + " for update skip locked", UUID.class)
                .setParameter(1, closedBefore).getResultList();
        for (UUID id : due) {
            Map<String, Object> removed = new LinkedHashMap<>();
            removed.put("documents", delete("identity_document", id));
            removed.put("paymentInstruments", delete("payment_instrument", id));
            removed.put("accessEvents", delete("access_event", id));
            CustomerCase subject = entities.find(CustomerCase.class, id);
            subject.declare(null);
            subject.legalName = ERASED_NAME;
            subject.screening = null;
            subject.reviewProposal = null;
            subject.erasedAt = OffsetDateTime.now(ZoneOffset.UTC);
            removed.put("retentionAfterClosure", config.retentionAfterClosure().toString());
            cases.record(subject, "retention", "personal-data-erased", removed);
        }
        return due.size();
    }

    private int delete(String table, UUID caseId) {
        return entities.createNativeQuery("delete from " + table + " where case_id = ?1").setParameter(1, caseId)
                .executeUpdate();
    }
}
