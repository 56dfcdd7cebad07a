package io.tenantgate.identity.secrets;

import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.jobs.Batches;
import io.tenantgate.identity.evidence.PaymentInstrument;
import io.tenantgate.identity.verification.Fingerprint;
import io.tenantgate.identity.verification.IdentifierKind;
import io.tenantgate.identity.verification.IdentityFingerprinter;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes every fingerprint again under the active fingerprint key after that key changes: the number is opened from
 * its sealed column and fingerprinted anew. A fingerprint under the retired key matches nothing made under the new
 * one, so duplicates that span the rotation are found again once this job has passed (every reseal interval). Works
 * in small batches with SKIP LOCKED, so replicas share the work.
 */
@ApplicationScoped
public class FingerprintRekeyer {

    private static final Logger LOG = Logger.getLogger(FingerprintRekeyer.class);
    private static final int BATCH = 200;

    /**
     * A fingerprinted table: the sealed column its fingerprints are made from, that column's cipher context, and the
     * kind of identifier a row's type holds.
     */
    private record FingerprintedTable(String table, String sealedColumn, String context,
                                      Function<String, IdentifierKind> kindOfType) {
    }

    private static final List<FingerprintedTable> TABLES = List.of(
            new FingerprintedTable("identity_document", "number", SealedValues.DOCUMENT_NUMBER,
                    type -> IdentifierKind.DOCUMENT),
            new FingerprintedTable("payment_instrument", "identifier", SealedValues.PAYMENT_IDENTIFIER,
                    type -> PaymentInstrument.Type.valueOf(type).identifierKind().orElseThrow(
                            () -> new IllegalStateException("a " + type + " has no fingerprint"))));

    private final FieldCipher cipher;
    private final IdentityFingerprinter fingerprinter;
    private final EntityManager entities;

    public FingerprintRekeyer(FieldCipher cipher, IdentityFingerprinter fingerprinter, EntityManager entities) {
        this.cipher = cipher;
        this.fingerprinter = fingerprinter;
        this.entities = entities;
    }

    @Scheduled(every = "${tenantgate.identity.encryption.reseal-interval:1h}", delay = 40,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Map<String, Integer> made = rekeyAll();
        if (made.values().stream().anyMatch(count -> count > 0)) {
            LOG.infof("Fingerprints made again under key %s: %s", fingerprinter.keyId(), made);
        }
    }

    /** Fingerprints again everything made under another key; answers how many, per table. */
    public Map<String, Integer> rekeyAll() {
        Map<String, Integer> made = new LinkedHashMap<>();
        for (FingerprintedTable table : TABLES) {
            made.put(table.table(), Batches.untilShort(BATCH, () -> rekeyBatch(table)));
        }
        return made;
    }

    private int rekeyBatch(FingerprintedTable table) {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = entities.createNativeQuery("select id, type, issuing_country, " + table.sealedColumn()
                        + " from " + table.table() + " where fingerprint_key_id <> ?1 and " + table.sealedColumn()
                        + " is not null limit " + BATCH + " for update skip locked")
                .setParameter(1, fingerprinter.keyId()).getResultList();
        for (Object[] row : stale) {
            String id = row[0].toString();
            String sealed = (String) row[3];
            String number = FieldCipher.isSealed(sealed) ? cipher.open(sealed, table.context(), id) : sealed;
            Fingerprint fingerprint = fingerprinter.fingerprint(table.kindOfType().apply((String) row[1]),
                    (String) row[2], number);
            entities.createNativeQuery("update " + table.table() + " set fingerprint = ?1, fingerprint_key_id = ?2"
                            + " where id = ?3")
                    .setParameter(1, fingerprint.value()).setParameter(2, fingerprint.keyId()).setParameter(3, row[0])
                    .executeUpdate();
        }
        return stale.size();
    }
}
