package io.tenantgate.reporting.reports;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.reporting.audit.AuditLog;
import io.tenantgate.reporting.audit.CanonicalJson;
import io.tenantgate.reporting.client.CustomerIdentity;
import io.tenantgate.reporting.client.IdentityClient;
import io.tenantgate.reporting.config.ReportsConfig;
import io.tenantgate.reporting.obligations.ObligationStatus;
import io.tenantgate.reporting.obligations.ReportObligation;
import io.tenantgate.reporting.signing.Ed25519Keys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report lifecycle: drafts are assembled from the facts at drafting time and may be redrafted; a
 * submitted report is signed and never changes again (409); corrections are amendments, new reports that
 * name the original. Every action, reads included, is written to the audit chain in the same transaction.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final EntityManager entities;
    private final IdentityClient identity;
    private final AuditLog audit;
    private final Ed25519Keys keys;
    private final ReportsConfig config;

    public ReportService(ReportRepository reports, EntityManager entities, IdentityClient identity, AuditLog audit,
                         Ed25519Keys keys, ReportsConfig config) {
        this.reports = reports;
        this.entities = entities;
        this.identity = identity;
        this.audit = audit;
        this.keys = keys;
        this.config = config;
    }

    /** Drafts the report of a run whose customer was just found to be a foreign person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Report draftRunReport(ReportObligation obligation, CustomerIdentity customer, String actor) {
        Report report = newReport(ReportType.LARGE_AI_TRAINING_RUN, actor);
        report.obligationId = obligation.id;
        LocalDate knowledgeDay = obligation.knowledgeAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        report.periodStart = knowledgeDay;
        report.periodEnd = knowledgeDay;
        setContent(report, runContent(report, obligation, customer));
        reports.persist(report);
        audit.append(report.id, obligation.id, "DRAFTED", actor, Map.of("type", report.type.name(),
                "contentHash", report.contentHash));
        return report;
    }

    /** A draft asked for by staff: a run report for a due obligation, or a periodic report for a period. */
    @Transactional
    public Report draft(ReportType type, Long obligationId, LocalDate periodStart, LocalDate periodEnd, String actor) {
        Report report = newReport(type, actor);
        if (type == ReportType.LARGE_AI_TRAINING_RUN) {
            if (obligationId == null) {
                throw ProblemException.invalidField("obligationId", "must be given for a " + type + " report");
            }
            ReportObligation obligation = obligation(obligationId);
            if (obligation.status != ObligationStatus.DUE) {
                throw ProblemException.conflict("obligation " + obligationId + " is " + obligation.status
                        + ": no report is due for it");
            }
            if (reports.hasOriginalFor(obligationId)) {
                throw ProblemException.conflict("obligation " + obligationId + " already has a report; amend it instead");
            }
            report.obligationId = obligationId;
            LocalDate knowledgeDay = obligation.knowledgeAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            report.periodStart = knowledgeDay;
            report.periodEnd = knowledgeDay;
            setContent(report, runContent(report, obligation, fetchCustomer(obligation.customerId)));
        } else {
            if (periodStart == null || periodEnd == null) {
                throw ProblemException.invalidField(periodStart == null ? "periodStart" : "periodEnd",
                        "must be given for a " + type + " report");
            }
            if (periodEnd.isBefore(periodStart)) {
                throw ProblemException.invalidField("periodEnd", "must not be before periodStart");
            }
            report.periodStart = periodStart;
            report.periodEnd = periodEnd;
            setContent(report, periodicContent(type, periodStart, periodEnd));
        }
        reports.persist(report);
        audit.append(report.id, report.obligationId, "DRAFTED", actor, Map.of("type", type.name(),
                "contentHash", report.contentHash));
        return report;
    }

    /** Assembles a draft again from the current facts. */
    @Transactional
    public Report redraft(UUID id, long expectedVersion, String actor) {
        Report report = changeable(id, expectedVersion);
        String before = report.contentHash;
        Map<String, Object> content = report.type == ReportType.LARGE_AI_TRAINING_RUN
                ? runContent(report, obligation(report.obligationId), fetchCustomer(report.customerId))
                : periodicContent(report.type, report.periodStart, report.periodEnd);
        if (report.amends != null) {
            Map<String, Object> previous = CanonicalJson.read(report.content());
            content = ReportContents.amending(content, report.amends.toString(), (String) previous.get("amendmentReason"));
        }
        setContent(report, content);
        audit.append(report.id, report.obligationId, "REDRAFTED", actor, Map.of("previousContentHash", before,
                "contentHash", report.contentHash));
        return report;
    }

    /** The first pair of eyes: approves the draft's current content for submission by someone else. */
    @Transactional
    public Report approve(UUID id, long expectedVersion, String actor) {
        Report report = changeable(id, expectedVersion);
        report.approvedBy = actor;
        report.approvedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        report.approvedContentHash = report.contentHash;
        audit.append(report.id, report.obligationId, "APPROVED", actor, Map.of("contentHash", report.contentHash));
        return report;
    }

    /**
     * The second pair of eyes: signs the draft and hands it to the filing gateway; from here on it never changes.
     * Refused unless another person approved exactly this content.
     */
    @Transactional
    public Report submit(UUID id, long expectedVersion, String actor) {
        Report report = changeable(id, expectedVersion);
        if (report.approvedBy == null || !report.contentHash.equals(report.approvedContentHash)) {
            throw ProblemException.conflict("approval-required", "Approval required",
                    "report " + id + " needs a second person's approval of its current content before it is submitted"
                            + " (POST /api/v1/reports/" + id + "/approve)");
        }
        if (report.approvedBy.equals(actor)) {
            throw ProblemException.refused("same-person", "Four eyes",
                    actor + " approved report " + id + " and cannot also submit it; another person must");
        }
        report.status = ReportStatus.SUBMITTED;
        report.submittedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        report.submittedBy = actor;
        report.keyId = keys.currentKeyId();
        report.signature = keys.sign(signedPayload(report));
        report.nextFilingAt = report.submittedAt;
        audit.append(report.id, report.obligationId, "SUBMITTED", actor, Map.of("contentHash", report.contentHash,
                "keyId", report.keyId, "signature", report.signature, "approvedBy", report.approvedBy));
        return report;
    }

    /** A correction of a submitted report: a new draft with the current facts, naming the original and why. */
    @Transactional
    public Report amend(UUID originalId, String reason, String actor) {
        Report original = get(originalId);
        if (original.status == ReportStatus.DRAFT) {
            throw ProblemException.conflict("report " + originalId + " is a draft: change it instead of amending it");
        }
        Report amendment = newReport(original.type, actor);
        amendment.amends = original.id;
        amendment.obligationId = original.obligationId;
        amendment.periodStart = original.periodStart;
        amendment.periodEnd = original.periodEnd;
        Map<String, Object> content = original.type == ReportType.LARGE_AI_TRAINING_RUN
                ? runContent(amendment, obligation(original.obligationId), fetchCustomer(original.customerId))
                : periodicContent(original.type, original.periodStart, original.periodEnd);
        setContent(amendment, ReportContents.amending(content, original.id.toString(), reason));
        reports.persist(amendment);
        audit.append(original.id, original.obligationId, "AMENDED", actor, Map.of("amendment", amendment.id.toString(),
                "reason", reason));
        audit.append(amendment.id, amendment.obligationId, "DRAFTED", actor, Map.of("type", amendment.type.name(),
                "amends", original.id.toString(), "contentHash", amendment.contentHash));
        return amendment;
    }

    /** One report for a reader; regulators see filed reports only. The read is audited. */
    @Transactional
    public Report read(UUID id, String actor, boolean regulator, String format) {
        Report report = get(id);
        if (regulator && report.status == ReportStatus.DRAFT) {
            throw ProblemException.notFound("Report " + id);
        }
        audit.append(report.id, report.obligationId, "READ", actor, Map.of("format", format,
                "role", regulator ? "regulator" : "staff"));
        return report;
    }

    @Transactional
    public ReportPage list(ReportRepository.Filter filter, int page, int size, String actor) {
        List<Report> items = reports.page(filter, page, size);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", filter.type() == null ? null : filter.type().name());
        details.put("status", filter.status() == null ? null : filter.status().name());
        details.put("customerCountry", filter.customerCountry());
        details.put("periodFrom", filter.periodFrom() == null ? null : filter.periodFrom().toString());
        details.put("periodTo", filter.periodTo() == null ? null : filter.periodTo().toString());
        details.put("page", page);
        details.put("returned", items.stream().map(r -> r.id.toString()).toList());
        audit.append(null, null, "LISTED", actor, details);
        return new ReportPage(items, reports.count(filter), page, size);
    }

    /** Checks the stored content against its hash and the signature against the key it names. */
    @Transactional
    public Verification verify(UUID id, String actor, boolean regulator) {
        Report report = read(id, actor, regulator, "verification");
        if (report.contentErasedAt != null) {
            // The signature covers the content hash, so it still proves what was filed; the content cannot be checked.
            Ed25519Keys.Verification signature = report.signature == null ? null
                    : keys.verify(signedPayload(report), report.signature, report.keyId);
            return new Verification(report.id, false, signature != null && signature.valid(), report.keyId,
                    "content erased under retention on " + report.contentErasedAt.toLocalDate()
                            + "; the content hash and the signature over it are kept"
                            + (signature == null ? " (never signed: the report was a draft)" : ": " + signature.detail()),
                    report.contentErasedAt);
        }
        boolean hashMatches = CanonicalJson.sha256(report.content()).equals(report.contentHash);
        if (report.signature == null) {
            return new Verification(report.id, hashMatches, false, null, "not signed: the report is a draft", null);
        }
        Ed25519Keys.Verification signature = keys.verify(signedPayload(report), report.signature, report.keyId);
        return new Verification(report.id, hashMatches, signature.valid() && hashMatches, report.keyId,
                hashMatches ? signature.detail() : "content does not match its hash", null);
    }

    /**
     * What is signed: the content hash with the report's identity and submission, so neither the content nor
     * what it is claimed to be can be swapped. Canonical JSON, so anyone can rebuild it.
     */
    public static String signedPayload(Report report) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reportId", report.id.toString());
        payload.put("type", report.type.name());
        payload.put("amends", report.amends == null ? null : report.amends.toString());
        payload.put("customerId", report.customerId);
        payload.put("periodStart", report.periodStart == null ? null : report.periodStart.toString());
        payload.put("periodEnd", report.periodEnd == null ? null : report.periodEnd.toString());
        payload.put("contentHash", report.contentHash);
        payload.put("submittedAt", report.submittedAt.toInstant().toString());
        payload.put("keyId", report.keyId);
        return CanonicalJson.write(payload);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report get(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Report " + id));
    }

    private Report changeable(UUID id, long expectedVersion) {
        Report report = get(id);
        if (report.contentErasedAt != null) {
            throw ProblemException.conflict("report " + id + " had its content erased under retention on "
                    + report.contentErasedAt.toLocalDate() + "; draft a new report instead");
        }
        if (report.status != ReportStatus.DRAFT) {
            throw ProblemException.conflict("report " + id + " is " + report.status
                    + " and can no longer change; file an amendment instead");
        }
        if (report.version != expectedVersion) {
            throw ProblemException.conflict("report " + id + " is at version " + report.version + ", not "
                    + expectedVersion + "; read it again");
        }
        return report;
    }

    private Report newReport(ReportType type, String actor) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.type = type;
        report.status = ReportStatus.DRAFT;
        report.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        report.createdBy = actor;
        return report;
    }

    private Map<String, Object> runContent(Report report, ReportObligation obligation, CustomerIdentity customer) {
        report.customerId = customer.customerId();
        report.customerCountry = customer.mainCountry();
        return ReportContents.trainingRun(customer, reports.runFacts(obligation), Instant.now());
    }

    private Map<String, Object> periodicContent(ReportType type, LocalDate start, LocalDate end) {
        return type == ReportType.ANNUAL_CIP_CERTIFICATION
                ? ReportContents.annualCertification(start, end, config.cipProgramVersion(), reports.cipCounts(start, end), Instant.now())
                : ReportContents.verificationFailures(start, end, reports.verificationFailures(start, end), Instant.now());
    }

    private static void setContent(Report report, Map<String, Object> content) {
        report.write(CanonicalJson.write(content));
        report.contentHash = CanonicalJson.sha256(report.content());
    }

    private ReportObligation obligation(long id) {
        ReportObligation obligation = entities.find(ReportObligation.class, id);
        if (obligation == null) {
            throw ProblemException.notFound("Obligation " + id);
        }
        return obligation;
    }

    private CustomerIdentity fetchCustomer(String customerId) {
        try {
            return identity.byCustomer(customerId).orElseThrow(() -> ProblemException.conflict(
                    "identity-service no longer knows customer " + customerId));
        } catch (IdentityClient.IdentityUnavailableException e) {
            throw ProblemException.unavailable("dependency-unavailable", "Service unavailable",
                    "identity-service could not be reached for the customer's CIP record; try again later");
        }
    }

    public record ReportPage(List<Report> items, long total, int page, int size) {
    }

    /** @param contentErasedAt when retention erased the content (then the hash cannot be checked), else null */
    public record Verification(UUID reportId, boolean contentHashMatches, boolean signatureValid, String keyId,
                               String detail, OffsetDateTime contentErasedAt) {
    }
}
