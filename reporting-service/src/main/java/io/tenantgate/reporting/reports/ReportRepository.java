package io.tenantgate.reporting.reports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.tenantgate.reporting.obligations.ReportObligation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reports, and the stored facts reports are drafted from (usage, detections, clusters, compliance events). */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** Filters of the report list; null means any. */
    public record Filter(ReportType type, ReportStatus status, String customerCountry, LocalDate periodFrom,
                         LocalDate periodTo, boolean includeDrafts) {
    }

    public List<Report> page(Filter filter, int pageIndex, int pageSize) {
        Query q = query(filter);
        return find(q.where, Sort.by("createdAt").descending().and("id"), q.parameters)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(Filter filter) {
        Query q = query(filter);
        return count(q.where, q.parameters);
    }

    private record Query(String where, Parameters parameters) {
    }

    private static Query query(Filter f) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        where.add("1 = 1");
        if (f.type() != null) {
            where.add("type = :type");
            parameters.and("type", f.type());
        }
        if (f.status() != null) {
            where.add("status = :status");
            parameters.and("status", f.status());
        }
        if (!f.includeDrafts()) {
            where.add("status <> :draft");
            parameters.and("draft", ReportStatus.DRAFT);
        }
        if (f.customerCountry() != null) {
            where.add("customerCountry = :country");
            parameters.and("country", f.customerCountry());
        }
        // A report is in the period when its own period overlaps it.
        if (f.periodFrom() != null) {
            where.add("periodEnd >= :from");
            parameters.and("from", f.periodFrom());
        }
        if (f.periodTo() != null) {
            where.add("periodStart <= :to");
            parameters.and("to", f.periodTo());
        }
        return new Query(String.join(" and ", where), parameters);
    }

    /** True when a report for the obligation has been filed or is being filed. */
    public boolean obligationMet(long obligationId) {
        return count("obligationId = ?1 and status in (?2, ?3)", obligationId, ReportStatus.SUBMITTED,
                ReportStatus.ACKNOWLEDGED) > 0;
    }

    public boolean hasOriginalFor(long obligationId) {
        return count("obligationId = ?1 and amends is null", obligationId) > 0;
    }

    /** The run's facts as stored now: its detections, its usage per cluster, the clusters' figures. */
    @SuppressWarnings("unchecked")
    public RunFacts runFacts(ReportObligation obligation) {
        var em = getEntityManager();
        List<Object[]> detections = em.createNativeQuery("""
                        select trigger, detected_at, operations, threshold, biological from run_detection
                        where account_id = ?1 and run_id = ?2 order by detected_at, trigger""")
                .setParameter(1, obligation.accountId).setParameter(2, obligation.runId).getResultList();
        List<Object[]> usage = em.createNativeQuery("""
                        select u.cluster_id, c.data_centre, c.interconnect_gbps, c.accelerator_count * c.peak_ops_per_accelerator,
                               coalesce(u.accelerator_type, c.accelerator_type), max(u.accelerator_count), sum(u.operations),
                               min(u.started_at), max(u.ended_at), bool_or(u.biological)
                        from usage_record u join cluster c on c.id = u.cluster_id
                        where u.account_id = ?1 and u.run_id = ?2
                        group by u.cluster_id, c.data_centre, c.interconnect_gbps, c.accelerator_count,
                                 c.peak_ops_per_accelerator, coalesce(u.accelerator_type, c.accelerator_type)
                        order by u.cluster_id""")
                .setParameter(1, obligation.accountId).setParameter(2, obligation.runId).getResultList();
        List<RunFacts.Detected> detected = detections.stream().map(d -> new RunFacts.Detected((String) d[0],
                instant(d[1]), ((Number) d[2]).doubleValue())).toList();
        double threshold = detections.stream().mapToDouble(d -> ((Number) d[3]).doubleValue()).max().orElse(0);
        boolean biological = detections.stream().anyMatch(d -> (Boolean) d[4]);
        List<RunFacts.ClusterUse> clusters = new ArrayList<>();
        double operations = 0;
        Instant start = null;
        Instant last = null;
        for (Object[] u : usage) {
            clusters.add(new RunFacts.ClusterUse((String) u[0], (String) u[1], ((Number) u[2]).doubleValue(),
                    ((Number) u[3]).doubleValue(), (String) u[4], ((Number) u[5]).intValue(), ((Number) u[6]).doubleValue()));
            operations += ((Number) u[6]).doubleValue();
            start = start == null || instant(u[7]).isBefore(start) ? instant(u[7]) : start;
            last = last == null || instant(u[8]).isAfter(last) ? instant(u[8]) : last;
            biological |= (Boolean) u[9];
        }
        return new RunFacts(obligation.accountId, obligation.runId, obligation.knowledgeAt.toInstant(),
                obligation.dueAt.toInstant(), detected, start, last, operations, threshold, biological, clusters);
    }

    /** Distinct foreign customers per outcome among the compliance events of [start, end]. */
    public ReportContents.CipCounts cipCounts(LocalDate start, LocalDate end) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        select count(distinct customer_id) filter (where type = 'ACCOUNT_OPENED'),
                               count(distinct customer_id) filter (where outcome in ('APPROVED', 'CLEARED')
                                                                   and type in ('DECISION', 'REVIEW_OUTCOME')),
                               count(distinct customer_id) filter (where type = 'VERIFICATION_FAILURE'),
                               count(distinct customer_id) filter (where outcome = 'REJECTED'
                                                                   and type in ('DECISION', 'REVIEW_OUTCOME')),
                               count(distinct customer_id) filter (where type = 'ACCOUNT_CLOSED')
                        from compliance_event
                        where foreign_person and occurred_at >= ?1 and occurred_at < ?2""")
                .setParameter(1, startOf(start)).setParameter(2, startOf(end.plusDays(1))).getSingleResult();
        return new ReportContents.CipCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    @SuppressWarnings("unchecked")
    public List<ReportContents.Failure> verificationFailures(LocalDate start, LocalDate end) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select customer_id, occurred_at, customer_country, outcome, reasons from compliance_event
                        where type = 'VERIFICATION_FAILURE' and occurred_at >= ?1 and occurred_at < ?2
                        order by occurred_at, customer_id, sequence""")
                .setParameter(1, startOf(start)).setParameter(2, startOf(end.plusDays(1))).getResultList();
        return rows.stream().map(r -> new ReportContents.Failure((String) r[0], instant(r[1]), (String) r[2],
                (String) r[3], ((String) r[4]).isEmpty() ? List.of() : Arrays.asList(((String) r[4]).split("\n")))).toList();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
