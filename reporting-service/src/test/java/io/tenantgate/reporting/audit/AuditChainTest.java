package io.tenantgate.reporting.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void anIntactChainVerifiesAndAnyChangedRowIsNamed() {
        List<AuditChain.Row> rows = chain(5);
        assertEquals(Optional.empty(), firstBreak(rows));

        AuditChain.Row third = rows.get(2);
        rows.set(2, new AuditChain.Row(third.seq(), third.reportId(), third.obligationId(), third.action(), "mallory",
                third.at(), third.details(), third.prevHash(), third.hash()));
        assertEquals(3L, firstBreak(rows).orElseThrow().seq());
        assertEquals("row content does not match its hash", firstBreak(rows).orElseThrow().reason());
    }

    @Test
    void aRemovedRowBreaksTheChainAtTheNextOne() {
        List<AuditChain.Row> rows = chain(4);
        rows.remove(1);
        AuditChain.Break broken = firstBreak(rows).orElseThrow();
        assertEquals(3L, broken.seq());
        assertTrue(broken.reason().startsWith("previous hash"));
    }

    @Test
    void theCanonicalFormIgnoresKeyOrder() {
        assertEquals(CanonicalJson.write(Map.of("b", 1, "a", List.of(Map.of("y", 2, "x", 3)))),
                "{\"a\":[{\"x\":3,\"y\":2}],\"b\":1}");
    }

    private static List<AuditChain.Row> chain(int n) {
        List<AuditChain.Row> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        UUID report = UUID.randomUUID();
        for (long seq = 1; seq <= n; seq++) {
            String details = CanonicalJson.write(Map.of("n", seq));
            String hash = AuditChain.hash(previous, seq, report, null, "READ", "regulator", AT, details);
            rows.add(new AuditChain.Row(seq, report, null, "READ", "regulator", AT, details, previous, hash));
            previous = hash;
        }
        return rows;
    }

    private static Optional<AuditChain.Break> firstBreak(List<AuditChain.Row> rows) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        for (AuditChain.Row row : rows) {
            Optional<AuditChain.Break> broken = verifier.accept(row);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }
}
