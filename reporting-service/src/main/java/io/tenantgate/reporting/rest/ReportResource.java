package io.tenantgate.reporting.rest;

import io.tenantgate.common.validation.Paging;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.reporting.audit.AuditLog;
import io.tenantgate.reporting.config.ReportsConfig;
import io.tenantgate.reporting.export.ReportPdf;
import io.tenantgate.reporting.obligations.ObligationService;
import io.tenantgate.reporting.obligations.ReportObligation;
import io.tenantgate.reporting.reports.Report;
import io.tenantgate.reporting.reports.ReportDocument;
import io.tenantgate.reporting.reports.ReportRepository;
import io.tenantgate.reporting.reports.ReportService;
import io.tenantgate.reporting.reports.ReportStatus;
import io.tenantgate.reporting.reports.ReportType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reports. Regulators read filed reports (JSON or PDF), list them and verify signatures and the audit
 * chain; every read is audited. Operators and supervisors draft, redraft, submit and amend, and watch
 * deadlines.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String PDF = "application/pdf";

    private final ReportService reports;
    private final ObligationService obligations;
    private final AuditLog audit;
    private final ReportsConfig config;
    private final SecurityIdentity caller;

    public ReportResource(ReportService reports, ObligationService obligations, AuditLog audit, ReportsConfig config,
                          SecurityIdentity caller) {
        this.reports = reports;
        this.obligations = obligations;
        this.audit = audit;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"regulator", "operator", "supervisor"})
    public ReportPageView list(@QueryParam("type") String type, @QueryParam("status") String status,
                               @QueryParam("customerCountry") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String customerCountry,
                               @QueryParam("periodFrom") String periodFrom, @QueryParam("periodTo") String periodTo,
                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        LocalDate from = date("periodFrom", periodFrom);
        LocalDate to = date("periodTo", periodTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("periodTo", "must not be before periodFrom");
        }
        var filter = new ReportRepository.Filter(enumValue("type", type, ReportType.class),
                enumValue("status", status, ReportStatus.class), customerCountry, from, to, isStaff());
        ReportService.ReportPage result = reports.list(filter, page, size, actor());
        return new ReportPageView(result.items().stream().map(ReportSummary::of).toList(), result.total(),
                result.page(), result.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"regulator", "supervisor"})
    public ReportDocument read(@PathParam("id") String id) {
        return ReportDocument.of(reports.read(uuid(id), actor(), !isStaff(), "json"));
    }

    @GET
    @Path("/{id}")
    @Produces(PDF)
    @RolesAllowed({"regulator", "supervisor"})
    public Response readPdf(@PathParam("id") String id) {
        ReportDocument doc = ReportDocument.of(reports.read(uuid(id), actor(), !isStaff(), "pdf"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Report id", doc.id());
        metadata.put("Type", doc.type());
        metadata.put("Status", doc.status());
        metadata.put("Amends", doc.amends());
        metadata.put("Customer", doc.customerId());
        metadata.put("Period", doc.periodStart() + " to " + doc.periodEnd());
        metadata.put("Submitted", doc.submittedAt());
        metadata.put("Content SHA-256", doc.contentHash());
        metadata.put("Signature key id", doc.keyId());
        metadata.put("Ed25519 signature", doc.signature());
        metadata.put("Acknowledgement", doc.acknowledgementId());
        metadata.put("Rejection reason", doc.rejectionReason());
        if (doc.contentErasedAt() != null) {
            metadata.put("Content", "erased under retention on " + doc.contentErasedAt().toLocalDate()
                    + "; the hash and the signature above are kept");
        }
        byte[] pdf = ReportPdf.render("TenantGate report " + doc.type(), metadata,
                doc.content() == null ? Map.of() : doc.content());
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"report-" + doc.id() + ".pdf\"").build();
    }

    /** The report's content hash and signature, and the whole audit chain. */
    @GET
    @Path("/{id}/verification")
    @RolesAllowed({"regulator", "operator", "supervisor"})
    public VerificationView verify(@PathParam("id") String id) {
        ReportService.Verification report = reports.verify(uuid(id), actor(), !isStaff());
        return new VerificationView(report, audit.verify());
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({"regulator", "operator", "supervisor"})
    public List<AuditLog.Entry> trail(@PathParam("id") String id) {
        UUID reportId = uuid(id);
        reports.read(reportId, actor(), !isStaff(), "audit-trail");
        return audit.trail(reportId);
    }

    /** Checks every row of the audit chain; names the first broken row. */
    @GET
    @Path("/audit/verification")
    @RolesAllowed({"regulator", "operator", "supervisor"})
    public AuditLog.ChainVerification verifyChain() {
        return audit.verify();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"operator", "supervisor"})
    public Response draft(@NotNull @Valid DraftRequest request, @Context UriInfo uri) {
        Report report = reports.draft(request.type(), request.obligationId(), request.periodStart(), request.periodEnd(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(report.id.toString()).build())
                .entity(shown(report)).build();
    }

    @POST
    @Path("/{id}/redraft")
    @RolesAllowed({"operator", "supervisor"})
    public ReportDocument redraft(@PathParam("id") String id, @QueryParam("version") @NotNull Long version) {
        return shown(reports.redraft(uuid(id), version, actor()));
    }

    /** Four eyes, first pair: approves the draft's current content; another person then submits it. */
    @POST
    @Path("/{id}/approve")
    @RolesAllowed("supervisor")
    public ReportDocument approve(@PathParam("id") String id, @QueryParam("version") @NotNull Long version) {
        return ReportDocument.of(reports.approve(uuid(id), version, actor()));
    }

    /** Four eyes, second pair: signs and files a draft another person approved (409 without, 403 for the approver). */
    @POST
    @Path("/{id}/submit")
    @RolesAllowed({"operator", "supervisor"})
    public ReportDocument submit(@PathParam("id") String id, @QueryParam("version") @NotNull Long version) {
        return shown(reports.submit(uuid(id), version, actor()));
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    public Response amend(@PathParam("id") String id, @NotNull @Valid AmendmentRequest request, @Context UriInfo uri) {
        Report amendment = reports.amend(uuid(id), request.reason(), actor());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reports").path(amendment.id.toString()).build())
                .entity(ReportDocument.of(amendment)).build();
    }

    /** Open obligations past their due date, and those due within {@code withinDays} (default: configuration). */
    @GET
    @Path("/deadlines")
    @RolesAllowed({"operator", "supervisor"})
    public DeadlinesView deadlines(@QueryParam("withinDays") @Min(0) @Max(365) Integer withinDays) {
        Duration within = withinDays == null ? config.dueSoonWithin() : Duration.ofDays(withinDays);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObligationService.Deadlines deadlines = obligations.deadlines(now, within);
        return new DeadlinesView(now, within.toDays(), deadlines.overdue().stream().map(ObligationView::of).toList(),
                deadlines.dueSoon().stream().map(ObligationView::of).toList());
    }

    @GET
    @Path("/obligations")
    @RolesAllowed({"operator", "supervisor"})
    public List<ObligationView> obligations(@QueryParam("accountId") @NotBlank @Size(max = 128) String accountId) {
        return obligations.forAccount(accountId).stream().map(ObligationView::of).toList();
    }

    /** A report as this caller may see it: its content (personal data) only for supervisors and the regulator. */
    private ReportDocument shown(Report report) {
        ReportDocument document = ReportDocument.of(report);
        return caller.hasRole("supervisor") || caller.hasRole("regulator") ? document : document.withoutContent();
    }

    private boolean isStaff() {
        return caller.hasRole("operator") || caller.hasRole("supervisor");
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be a UUID");
        }
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date as YYYY-MM-DD");
        }
    }

    /** A new draft: a run report names its obligation, the periodic reports their period. */
    public record DraftRequest(@NotNull ReportType type, @Min(1) Long obligationId, LocalDate periodStart,
                               LocalDate periodEnd) {
    }

    public record AmendmentRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ReportSummary(UUID id, ReportType type, ReportStatus status, UUID amends, String customerId,
                                String customerCountry, LocalDate periodStart, LocalDate periodEnd,
                                OffsetDateTime createdAt, OffsetDateTime submittedAt, String acknowledgementId) {
        static ReportSummary of(Report r) {
            return new ReportSummary(r.id, r.type, r.status, r.amends, r.customerId, r.customerCountry, r.periodStart,
                    r.periodEnd, r.createdAt, r.submittedAt, r.acknowledgementId);
        }
    }

    public record ReportPageView(List<ReportSummary> items, long total, int page, int size) {
    }

    public record VerificationView(ReportService.Verification report, AuditLog.ChainVerification chain) {
    }

    public record ObligationView(long id, String accountId, String runId, String status, OffsetDateTime knowledgeAt,
                                 OffsetDateTime dueAt, String customerId, String customerCountry, String reason,
                                 int attempts, String lastError, int escalationLevel, @JsonRawValue String facts) {
        static ObligationView of(ReportObligation o) {
            return new ObligationView(o.id, o.accountId, o.runId, o.status.name(), o.knowledgeAt, o.dueAt, o.customerId,
                    o.customerCountry, o.reason, o.attempts, o.lastError, o.escalationLevel, o.facts);
        }
    }

    public record DeadlinesView(OffsetDateTime asOf, long withinDays, List<ObligationView> overdue,
                                List<ObligationView> dueSoon) {
    }
}
