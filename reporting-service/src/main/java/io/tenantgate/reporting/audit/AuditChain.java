package io.tenantgate.reporting.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The hash chain of the audit log: each row's hash is SHA-256 of the previous row's hash followed by the
 * row's canonical JSON, so changing, removing or reordering any row breaks every hash from there on.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** One audit row; {@code at} is kept to the microsecond, as the database stores it. */
    public record Row(long seq, UUID reportId, Long obligationId, String action, String actor, Instant at,
                      String details, String prevHash, String hash) {
    }

    public static String hash(String prevHash, long seq, UUID reportId, Long obligationId, String action, String actor,
                              Instant at, String details) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("seq", seq);
        canonical.put("reportId", reportId == null ? null : reportId.toString());
        canonical.put("obligationId", obligationId);
        canonical.put("action", action);
        canonical.put("actor", actor);
        canonical.put("at", at.toString());
        canonical.put("details", details);
        return CanonicalJson.sha256(prevHash + CanonicalJson.write(canonical));
    }

    /** Walks the rows in order and reports the first that does not fit the chain. */
    public static final class Verifier {
        private String previous = GENESIS;
        private long rows;

        public Optional<Break> accept(Row row) {
            rows++;
            if (!row.prevHash().equals(previous)) {
                return Optional.of(new Break(row.seq(), "previous hash does not match the hash of the row before"));
            }
            String expected = hash(row.prevHash(), row.seq(), row.reportId(), row.obligationId(), row.action(),
                    row.actor(), row.at(), row.details());
            if (!expected.equals(row.hash())) {
                return Optional.of(new Break(row.seq(), "row content does not match its hash"));
            }
            previous = row.hash();
            return Optional.empty();
        }

        public long rows() {
            return rows;
        }

        public String lastHash() {
            return previous;
        }
    }

    /** The first row where the chain breaks, and why. */
    public record Break(long seq, String reason) {
    }
}
