package io.tenantgate.identity.parking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Work that failed in a way trying again cannot mend, set aside with its reason so that it blocks nothing else:
 * cases screening-service refused (they stay PENDING_SCREENING), outbox events reporting-service refused, and
 * re-screening chunks. Holds all of the SQL that reads and releases them; each job parks its own items.
 */
@ApplicationScoped
public class ParkedWork {

    /** What was parked. */
    public enum Kind {
        SCREENING, OUTBOX, RESCREENING
    }

    /** One parked item; {@code id} is a case id, an outbox event id, or "change:chunk". */
    public record Item(Kind kind, String id, String reason, int attempts, OffsetDateTime parkedAt) {
    }

    private static final Map<Kind, String> LISTS = Map.of(
            Kind.SCREENING, """
                    select id::text, screening_parked_reason, screening_attempts, screening_parked_at
                    from customer_case where screening_parked_at is not null and decision = 'PENDING_SCREENING'""",
            Kind.OUTBOX, """
                    select event_id::text, parked_reason, attempts, parked_at
                    from outbox_event where parked_at is not null and sent_at is null""",
            Kind.RESCREENING, """
                    select change_id || ':' || chunk, parked_reason, attempts, parked_at
                    from rescreen_chunk where parked_at is not null and done_at is null""");

    private final EntityManager entities;

    public ParkedWork(EntityManager entities) {
        this.entities = entities;
    }

    /** Every parked item of the kind, oldest first, at most {@code max}. */
    public List<Item> list(Kind kind, int max) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery(LISTS.get(kind) + " order by 4 limit " + max).getResultList();
            return rows.stream().map(row -> new Item(kind, (String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                    toOffset(row[3]))).toList();
        });
    }

    /** How many items of the kind are parked. */
    public long count(Kind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                .createNativeQuery("select count(*) from (" + LISTS.get(kind) + ") parked").getSingleResult()).longValue());
    }

    /**
     * Puts a parked item back to work, due at once with its attempts kept (after the cause was mended: a
     * screening-service limit raised, a key restored). Throws a 404 problem when no such item is parked.
     */
    public void release(Kind kind, String id) {
        int released = QuarkusTransaction.requiringNew().call(() -> switch (kind) {
            case SCREENING -> update("""
                    update customer_case set screening_parked_at = null, screening_parked_reason = null,
                           screening_next_attempt_at = null
                    where id = ?1 and screening_parked_at is not null""", uuid(id));
            case OUTBOX -> update("""
                    update outbox_event set parked_at = null, parked_reason = null
                    where event_id = ?1 and parked_at is not null""", uuid(id));
            case RESCREENING -> {
                String[] parts = id.split(":", 2);
                yield parts.length != 2 ? 0 : update("""
                        update rescreen_chunk set parked_at = null, parked_reason = null, next_attempt_at = null
                        where change_id = ?1 and chunk = ?2 and parked_at is not null""",
                        number(parts[0], Long::parseLong), number(parts[1], Integer::parseInt));
            }
        });
        if (released == 0) {
            throw ProblemException.notFound("Parked " + kind.name().toLowerCase(java.util.Locale.ROOT) + " item " + id);
        }
    }

    private int update(String sql, Object... parameters) {
        var query = entities.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw ProblemException.invalidField("id", "must be a UUID for this kind");
        }
    }

    private static <T> T number(String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException notNumber) {
            throw ProblemException.invalidField("id", "must be CHANGE:CHUNK, two numbers");
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
