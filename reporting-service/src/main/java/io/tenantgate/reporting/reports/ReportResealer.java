package io.tenantgate.reporting.reports;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.jobs.Batches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Moves every stored report content to the active key after a key rotation, and seals contents stored before
 * sealing existed, so that a retired key can leave the keyring once a pass moved nothing. Works in batches with SKIP
 * LOCKED, so replicas share the work; the plain content, its hash and its signature do not change.
 */
@ApplicationScoped
public class ReportResealer {

    private static final Logger LOG = Logger.getLogger(ReportResealer.class);
    private static final int BATCH = 100;

    private final ReportContentSeal seal;
    private final EntityManager entities;

    public ReportResealer(ReportContentSeal seal, EntityManager entities) {
        this.seal = seal;
        this.entities = entities;
    }

    @Scheduled(every = "${tenantgate.reports.encryption.reseal-interval:1h}", delay = 45,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int moved = resealAll();
        if (moved > 0) {
            LOG.infof("Re-sealed %d report contents under the active key", moved);
        }
    }

    /** Re-seals every content not under the active key; answers how many. */
    public int resealAll() {
        return Batches.untilShort(BATCH, this::resealBatch);
    }

    private int resealBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = entities.createNativeQuery("select id, content from report where content is not null"
                        + " and content not like ?1 limit " + BATCH + " for update skip locked")
                .setParameter(1, seal.currentPrefix() + "%").getResultList();
        for (Object[] row : stale) {
            UUID id = (UUID) row[0];
            entities.createNativeQuery("update report set content = ?1 where id = ?2")
                    .setParameter(1, seal.seal(seal.open((String) row[1], id), id)).setParameter(2, id).executeUpdate();
        }
        return stale.size();
    }
}
