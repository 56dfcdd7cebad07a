package io.tenantgate.identity.access;

import io.tenantgate.common.problem.Problem;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.geoip.IpCountry;
import io.tenantgate.identity.geoip.IpCountryLookup;
import io.tenantgate.identity.geoip.IpCountryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The access log of an account: appended in batches of up to 10,000 events, never edited. A batch with a bad
 * event is refused whole, naming each bad field; an event already logged is counted as a duplicate.
 */
@ApplicationScoped
public class AccessLogService {

    /** Clocks drift; an access further ahead than this is a mistake, not a clock. */
    private static final long FUTURE_TOLERANCE_MINUTES = 5;
    private static final int MAX_REPORTED_ERRORS = 50;

    private final CaseService cases;
    private final EntityManager entities;
    private final IpCountryLookup countries;

    public AccessLogService(CaseService cases, EntityManager entities, IpCountryLookup countries) {
        this.cases = cases;
        this.entities = entities;
        this.countries = countries;
    }

    public record Appended(int received, int stored, int duplicates) {
    }

    /** One logged access, with the country its address belongs to when known. */
    public record LoggedAccess(OffsetDateTime at, String ip, String action, String country) {
    }

    @Transactional
    public Appended append(UUID caseId, AccessEventBatch batch, String actor) {
        List<AccessEventBatch.Event> events = batch.events();
        List<String> located = locate(events);
        CustomerCase subject = entities.find(CustomerCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (subject == null) {
            throw ProblemException.notFound("Customer case " + caseId);
        }
        if (subject.erasedAt != null) {
            throw ProblemException.conflict("The personal data of this closed account was erased; nothing is logged any more");
        }
        int stored = insert(caseId, events, located);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("received", events.size());
        detail.put("stored", stored);
        cases.record(subject, actor, "access-events-appended", detail);
        if (stored > 0 && subject.closedAt == null) {
            cases.reassess(subject, actor, "access events");
        }
        return new Appended(events.size(), stored, events.size() - stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoggedAccess> list(UUID caseId, OffsetDateTime since, int page, int size) {
        cases.get(caseId);
        return entities.createQuery("select new " + LoggedAccess.class.getName() + "(e.at, e.ip, e.action, e.country)"
                        + " from AccessEvent e where e.caseId = ?1 and e.at >= ?2 order by e.at, e.id", LoggedAccess.class)
                .setParameter(1, caseId)
                .setParameter(2, since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** The country of every event's address; refuses the batch, naming each bad field, when any is wrong. */
    private List<String> locate(List<AccessEventBatch.Event> events) {
        OffsetDateTime latest = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(FUTURE_TOLERANCE_MINUTES);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> located = new ArrayList<>(events.size());
        for (int i = 0; i < events.size() && errors.size() < MAX_REPORTED_ERRORS; i++) {
            AccessEventBatch.Event event = events.get(i);
            IpCountry country = countries.lookup(event.ip());
            if (country.outcome() == IpCountryOutcome.INVALID) {
                errors.add(new Problem.FieldError("events[" + i + "].ip", "not an IPv4 or IPv6 address"));
            }
            if (event.at().isAfter(latest)) {
                errors.add(new Problem.FieldError("events[" + i + "].at", "lies in the future"));
            }
            located.add(country.country().orElse(null));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-request", "Invalid request",
                    errors.size() + (errors.size() == MAX_REPORTED_ERRORS ? " or more" : "")
                            + " events are invalid; none of the batch was stored").withErrors(errors);
        }
        return located;
    }

    private int insert(UUID caseId, List<AccessEventBatch.Event> events, List<String> located) {
        int n = events.size();
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] ip = new String[n];
        String[] action = new String[n];
        for (int i = 0; i < n; i++) {
            at[i] = events.get(i).at().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            ip[i] = events.get(i).ip();
            action[i] = events.get(i).action();
        }
        String[] country = located.toArray(String[]::new);
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into access_event (case_id, at, ip, action, country, received_at)
                    select ?, e.at, e.ip, e.action, e.country, now()
                      from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[]) as e(at, ip, action, country)
                    on conflict (case_id, at, ip, action) do nothing""")) {
                Array times = connection.createArrayOf("timestamptz", at);
                insert.setObject(1, caseId);
                insert.setArray(2, times);
                insert.setArray(3, connection.createArrayOf("text", ip));
                insert.setArray(4, connection.createArrayOf("text", action));
                insert.setArray(5, connection.createArrayOf("text", country));
                return insert.executeUpdate();
            }
        });
    }
}
