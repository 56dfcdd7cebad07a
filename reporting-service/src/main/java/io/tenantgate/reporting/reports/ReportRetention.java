package io.tenantgate.reporting.reports;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.jobs.Batches;
import io.tenantgate.reporting.audit.AuditLog;
import io.tenantgate.reporting.config.ReportsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Erases the content of reports whose retention period has passed: acknowledged or rejected reports once
 * {@code tenantgate.reports.retention-after-decision} has passed since the regulator's decision, drafts never
 * submitted once it has passed since they were drafted. A report still waiting for the regulator keeps its content.
 * The hash, the signature and the audit chain stay, so a filed report can still be proven; the erasure is audited.
 * Works in batches with SKIP LOCKED, so replicas share the work.
 */
@ApplicationScoped
public class ReportRetention {

    private static final Logger LOG = Logger.getLogger(ReportRetention.class);
    static final String ACTOR = "retention";
    private static final int BATCH = 100;

    private final EntityManager entities;
    private final AuditLog audit;
    private final ReportsConfig config;

    public ReportRetention(EntityManager entities, AuditLog audit, ReportsConfig config) {
        this.entities = entities;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(every = "${tenantgate.reports.retention-interval:1h}", delay = 60,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int erased = eraseExpired();
        if (erased > 0) {
            LOG.infof("Retention erased the content of %d reports", erased);
        }
    }

    /** Erases every report content past its retention period; answers how many. */
    public int eraseExpired() {
        return Batches.untilShort(BATCH, this::eraseBatch);
    }

    private int eraseBatch() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime cutoff = now.minus(config.retentionAfterDecision());
        @SuppressWarnings("unchecked")
        List<Report> expired = entities.createNativeQuery("""
                        select * from report
                         where content is not null
                           and ((status in ('ACKNOWLEDGED', 'REJECTED') and decided_at < ?1)
                                or (status = 'DRAFT' and created_at < ?1))
                         order by created_at limit %d
                           for update skip locked""".formatted(BATCH), Report.class)
                .setParameter(1, cutoff).getResultList();
        for (Report report : expired) {
            report.eraseContent(now);
            audit.append(report.id, report.obligationId, "CONTENT_ERASED", ACTOR, Map.of("contentHash",
                    report.contentHash, "status", report.status.name(), "retention", config.retentionAfterDecision().toString()));
        }
        return expired.size();
    }
}
