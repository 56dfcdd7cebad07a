package io.tenantgate.identity.secrets;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.jobs.Batches;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves every sealed value to the active key after a rotation, binds values sealed before row binding to their
 * row, and seals values stored before sealing existed. Works in small batches with SKIP LOCKED, so replicas share the work and never wait on each other.
 */
@ApplicationScoped
public class Resealer {

    private static final Logger LOG = Logger.getLogger(Resealer.class);
    private static final int BATCH = 200;

    /** Every column holding a sealed value: table, id column, value column and the cipher context. */
    public record SealedColumn(String table, String idColumn, String column, String context) {
    }

    public static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("customer_case", "id", "profile", SealedValues.CASE_PROFILE),
            new SealedColumn("identity_document", "id", "number", SealedValues.DOCUMENT_NUMBER),
            new SealedColumn("identity_document", "id", "mrz", SealedValues.DOCUMENT_MRZ),
            new SealedColumn("payment_instrument", "id", "identifier", SealedValues.PAYMENT_IDENTIFIER),
            new SealedColumn("webhook_subscription", "id", "secret", SealedValues.WEBHOOK_SECRET),
            new SealedColumn("webhook_subscription", "id", "previous_secret", SealedValues.WEBHOOK_SECRET));

    private final FieldCipher cipher;
    private final EntityManager entities;

    public Resealer(FieldCipher cipher, EntityManager entities) {
        this.cipher = cipher;
        this.entities = entities;
    }

    @Scheduled(every = "${tenantgate.identity.encryption.reseal-interval:1h}", delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Map<String, Integer> moved = resealAll();
        if (moved.values().stream().anyMatch(count -> count > 0)) {
            LOG.infof("Re-sealed personal data under key %s: %s", cipher.activeKeyId(), moved);
        }
    }

    /** Re-seals everything not under the active key; answers how many values moved, per column. */
    public Map<String, Integer> resealAll() {
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (SealedColumn column : COLUMNS) {
            moved.put(column.table() + "." + column.column(), Batches.untilShort(BATCH, () -> resealBatch(column)));
        }
        return moved;
    }

    private int resealBatch(SealedColumn column) {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = entities.createNativeQuery("select " + column.idColumn() + ", " + column.column()
                        + " from " + column.table() + " where " + column.column() + " is not null and "
                        + column.column() + " not like ?1 limit " + BATCH + " for update skip locked")
                .setParameter(1, cipher.currentPrefix() + "%").getResultList();
        for (Object[] row : stale) {
            String value = (String) row[1];
            String id = row[0].toString();
            String plain = FieldCipher.isSealed(value) ? cipher.open(value, column.context(), id) : value;
            entities.createNativeQuery("update " + column.table() + " set " + column.column() + " = ?1 where "
                            + column.idColumn() + " = ?2")
                    .setParameter(1, cipher.seal(plain, column.context(), id)).setParameter(2, row[0]).executeUpdate();
        }
        return stale.size();
    }
}
