package io.tenantgate.reporting.obligations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.reporting.audit.AuditLog;
import io.tenantgate.reporting.client.CustomerIdentity;
import io.tenantgate.reporting.client.IdentityClient;
import io.tenantgate.reporting.config.ReportsConfig;
import io.tenantgate.reporting.reports.ReportService;
import io.tenantgate.reporting.reports.ReportStatus;
import io.tenantgate.common.retry.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns detected runs into report obligations and keeps their deadlines. Obligations are opened from the
 * stored detections (so none is lost, whatever failed before), then identity-service says whether the
 * customer is a foreign person: a report is due, drafted at once; a US person owes none, and the reason is
 * kept; no answer means asking again later with backoff, never dropping the run. Replicas share the work
 * through row locks (SKIP LOCKED).
 */
@ApplicationScoped
public class ObligationService {

    private static final Logger LOG = Logger.getLogger(ObligationService.class);
    private static final String SYSTEM = "reporting-service";
    private static final int BATCH = 50;

    /** Escalation levels: nothing yet, due within the due-soon window, past the due date. */
    static final int DUE_SOON = 1;
    static final int OVERDUE = 2;

    private final EntityManager entities;
    private final IdentityClient identity;
    private final ReportService reports;
    private final AuditLog audit;
    private final ReportsConfig config;
    private final Backoff backoff;
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong dueSoon = new AtomicLong();

    public ObligationService(EntityManager entities, IdentityClient identity, ReportService reports, AuditLog audit,
                             ReportsConfig config, MeterRegistry metrics) {
        this.entities = entities;
        this.identity = identity;
        this.reports = reports;
        this.audit = audit;
        this.config = config;
        this.backoff = new Backoff(config.identityRetryBase(), config.identityRetryMax());
        Gauge.builder("tenantgate.reports.overdue", overdue, AtomicLong::get)
                .description("Report obligations past their due date without a submitted report").register(metrics);
        Gauge.builder("tenantgate.reports.due.soon", dueSoon, AtomicLong::get)
                .description("Report obligations due within the due-soon window without a submitted report").register(metrics);
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> escalate(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Scheduled(every = "${tenantgate.reports.obligation-check-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        QuarkusTransaction.requiringNew().run(this::openFromDetections);
        decidePending();
    }

    @Scheduled(every = "${tenantgate.reports.escalation-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateNow() {
        QuarkusTransaction.requiringNew().run(() -> escalate(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Opens one obligation per detected run that has none; the due date runs from the first detection. */
    void openFromDetections() {
        @SuppressWarnings("unchecked")
        List<Object[]> opened = entities.createNativeQuery("""
                        insert into report_obligation (account_id, run_id, knowledge_at, due_at, status, facts, next_attempt_at)
                        select d.account_id, d.run_id, min(d.detected_at), min(d.detected_at) + make_interval(secs => ?1),
                               'PENDING_IDENTITY',
                               jsonb_agg(jsonb_build_object('trigger', d.trigger, 'detectedAt', d.detected_at,
                                   'operations', d.operations, 'threshold', d.threshold,
                                   'projectedCrossing', d.projected_crossing, 'biological', d.biological,
                                   'clusters', d.clusters) order by d.detected_at, d.trigger)::text,
                               now()
                        from run_detection d
                        where not exists (select 1 from report_obligation o
                                          where o.account_id = d.account_id and o.run_id = d.run_id)
                        group by d.account_id, d.run_id
                        on conflict (account_id, run_id) do nothing
                        returning id, account_id, run_id, due_at""")
                .setParameter(1, (double) config.dueAfter().toSeconds())
                .getResultList();
        for (Object[] row : opened) {
            long id = ((Number) row[0]).longValue();
            audit.append(null, id, "OBLIGATION_OPENED", SYSTEM, Map.of("accountId", row[1], "runId", row[2],
                    "dueAt", row[3].toString()));
        }
    }

    /** Asks identity-service about every obligation whose next attempt is due, each in its own transaction. */
    void decidePending() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> entities.createQuery("""
                        select o.id from ReportObligation o where o.status = ?1 and o.nextAttemptAt <= ?2
                        order by o.nextAttemptAt""", Long.class)
                .setParameter(1, ObligationStatus.PENDING_IDENTITY)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).setMaxResults(BATCH).getResultList());
        for (Long id : ids) {
            QuarkusTransaction.requiringNew().run(() -> decide(id));
        }
    }

    private void decide(long id) {
        // SKIP LOCKED: another replica is deciding it right now.
        boolean claimed = !entities.createNativeQuery("""
                        select id from report_obligation where id = ?1 and status = 'PENDING_IDENTITY'
                        for update skip locked""")
                .setParameter(1, id).getResultList().isEmpty();
        if (!claimed) {
            return;
        }
        ReportObligation obligation = entities.find(ReportObligation.class, id);
        Optional<CustomerIdentity> customer;
        try {
            customer = identity.byAccount(obligation.accountId);
        } catch (IdentityClient.IdentityUnavailableException e) {
            retryLater(obligation, e.getMessage());
            return;
        }
        if (customer.isEmpty()) {
            retryLater(obligation, "identity-service knows no customer with account " + obligation.accountId);
            return;
        }
        CustomerIdentity c = customer.get();
        obligation.customerId = c.customerId();
        obligation.customerCountry = c.mainCountry();
        switch (c.personStatus()) {
            case FOREIGN_PERSON -> {
                obligation.status = ObligationStatus.DUE;
                obligation.reason = "customer " + c.customerId() + " is a foreign person according to identity-service";
                obligation.lastError = null;
                audit.append(null, obligation.id, "OBLIGATION_DUE", SYSTEM, Map.of("customerId", c.customerId(),
                        "dueAt", obligation.dueAt.toInstant().toString(), "reason", obligation.reason));
                reports.draftRunReport(obligation, c, SYSTEM);
            }
            case US_PERSON -> {
                obligation.status = ObligationStatus.NOT_DUE;
                obligation.reason = "customer " + c.customerId() + " is a US person according to identity-service;"
                        + " the rule asks for reports on foreign persons only";
                obligation.lastError = null;
                audit.append(null, obligation.id, "OBLIGATION_NOT_DUE", SYSTEM, Map.of("customerId", c.customerId(),
                        "reason", obligation.reason));
            }
            default -> retryLater(obligation, "identity-service has not determined whether customer "
                    + c.customerId() + " is a US or foreign person");
        }
    }

    private void retryLater(ReportObligation obligation, String why) {
        obligation.attempts++;
        obligation.lastError = why;
        Duration wait = backoff.after(obligation.attempts);
        obligation.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC).plus(wait);
        LOG.infof("Obligation %d (run %s of %s) undecided, asking again in %s: %s", obligation.id, obligation.runId,
                obligation.accountId, wait, why);
    }

    /**
     * Raises each open obligation to its escalation level (due soon, overdue), once per level: the level is
     * stored with a conditional update, so each replica's scheduler escalates it only once between them.
     */
    public void escalate(OffsetDateTime now) {
        Deadlines deadlines = deadlines(now, config.dueSoonWithin());
        overdue.set(deadlines.overdue().size());
        dueSoon.set(deadlines.dueSoon().size());
        deadlines.overdue().forEach(o -> escalate(o, OVERDUE));
        deadlines.dueSoon().forEach(o -> escalate(o, DUE_SOON));
    }

    private void escalate(ReportObligation o, int level) {
        if (o.escalationLevel >= level) {
            return;
        }
        int raised = entities.createNativeQuery(
                        "update report_obligation set escalation_level = ?1 where id = ?2 and escalation_level < ?1")
                .setParameter(1, level).setParameter(2, o.id).executeUpdate();
        if (raised == 1) {
            String what = level == OVERDUE ? "OVERDUE" : "DUE_SOON";
            audit.append(null, o.id, "ESCALATED", SYSTEM, Map.of("level", what, "dueAt", o.dueAt.toInstant().toString(),
                    "accountId", o.accountId, "runId", o.runId));
            LOG.warnf("Report obligation %d (run %s of account %s) is %s: due %s", o.id, o.runId, o.accountId, what, o.dueAt);
        }
    }

    /** Open obligations (undecided or due, no report submitted) past their due date or due within the window. */
    public Deadlines deadlines(OffsetDateTime now, Duration within) {
        List<ReportObligation> open = entities.createQuery("""
                        from ReportObligation o where o.status in (?1, ?2) and o.dueAt < ?3
                        and not exists (select 1 from Report r where r.obligationId = o.id and r.status in (?4, ?5))
                        order by o.dueAt, o.id""", ReportObligation.class)
                .setParameter(1, ObligationStatus.PENDING_IDENTITY).setParameter(2, ObligationStatus.DUE)
                .setParameter(3, now.plus(within))
                .setParameter(4, ReportStatus.SUBMITTED)
                .setParameter(5, ReportStatus.ACKNOWLEDGED)
                .getResultList();
        return new Deadlines(open.stream().filter(o -> o.dueAt.isBefore(now)).toList(),
                open.stream().filter(o -> !o.dueAt.isBefore(now)).toList());
    }

    public List<ReportObligation> forAccount(String accountId) {
        return entities.createQuery("from ReportObligation o where o.accountId = ?1 order by o.id", ReportObligation.class)
                .setParameter(1, accountId).getResultList();
    }

    public record Deadlines(List<ReportObligation> overdue, List<ReportObligation> dueSoon) {
    }
}
