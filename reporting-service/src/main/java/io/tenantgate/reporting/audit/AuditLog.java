package io.tenantgate.reporting.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only, hash-chained log of every action on reports and obligations, regulator reads included.
 * Appends join the caller's transaction, so an action and its audit row commit or fail together.
 */
@ApplicationScoped
public class AuditLog {

    // Appends take this transaction-scoped lock, so each row is chained to the last committed one.
    private static final long CHAIN_LOCK = 0x7265706f7274L;

    private final EntityManager entities;
    private final AgroalDataSource dataSource;

    public AuditLog(EntityManager entities, AgroalDataSource dataSource) {
        this.entities = entities;
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID reportId, Long obligationId, String action, String actor, Map<String, ?> details) {
        entities.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<?> last = entities.createNativeQuery("select hash from report_audit order by seq desc limit 1").getResultList();
        String prevHash = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0);
        long seq = ((Number) entities.createNativeQuery("select nextval(pg_get_serial_sequence('report_audit', 'seq'))")
                .getSingleResult()).longValue();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String detailsJson = CanonicalJson.write(details);
        String hash = AuditChain.hash(prevHash, seq, reportId, obligationId, action, actor, at, detailsJson);
        entities.createNativeQuery("""
                        insert into report_audit (seq, report_id, obligation_id, action, actor, at, details, prev_hash, hash)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, seq).setParameter(2, reportId).setParameter(3, obligationId).setParameter(4, action)
                .setParameter(5, actor).setParameter(6, at.atOffset(ZoneOffset.UTC)).setParameter(7, detailsJson)
                .setParameter(8, prevHash).setParameter(9, hash)
                .executeUpdate();
    }

    /** Checks the whole chain, row by row, from the first, streaming it. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ChainVerification verify() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the driver honours the fetch size only inside a transaction
            try (PreparedStatement select = c.prepareStatement("""
                    select seq, report_id, obligation_id, action, actor, at, details, prev_hash, hash
                    from report_audit order by seq""")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Number obligation = (Number) rows.getObject(3);
                        Optional<AuditChain.Break> broken = verifier.accept(new AuditChain.Row(rows.getLong(1),
                                rows.getObject(2, UUID.class), obligation == null ? null : obligation.longValue(),
                                rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getString(7),
                                rows.getString(8), rows.getString(9)));
                        if (broken.isPresent()) {
                            return new ChainVerification(false, verifier.rows(), broken.get().seq(), broken.get().reason(), null);
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
        return new ChainVerification(true, verifier.rows(), null, null, verifier.lastHash());
    }

    /** A report's own audit trail, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> trail(UUID reportId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                        select seq, action, actor, at, details, hash from report_audit where report_id = ?1 order by seq""")
                .setParameter(1, reportId).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                toInstant(r[3]), (String) r[4], (String) r[5])).toList();
    }

    private static Instant toInstant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    /** The result of checking the chain; brokenAt names the first row that does not fit. */
    public record ChainVerification(boolean valid, long rowsChecked, Long brokenAt, String reason, String lastHash) {
    }

    public record Entry(long seq, String action, String actor, Instant at, String details, String hash) {
    }
}
