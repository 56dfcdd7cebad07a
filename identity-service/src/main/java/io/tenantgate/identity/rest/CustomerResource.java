package io.tenantgate.identity.rest;

import io.tenantgate.common.validation.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.common.problem.QueryParams;
import io.tenantgate.identity.cases.CaseAudit;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ReviewProposal;
import io.tenantgate.identity.client.ScreeningSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.tenantgate.common.validation.NoControlCharacters;
import io.tenantgate.identity.cases.CaseRepository;
import io.tenantgate.decision.person.PersonStatus;
import io.tenantgate.decision.risk.Decision;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CIP cases as the provider's sign-up flow opens them and compliance staff read them. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CaseService cases;
    private final SecurityIdentity caller;

    public CustomerResource(CaseService cases, SecurityIdentity caller) {
        this.cases = cases;
        this.caller = caller;
    }

    /**
     * Opens a case and answers with the decision. The Idempotency-Key header is required: a retried
     * request with the same key and body gets the same case; the same key with another body gets 422.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull @Valid CaseRequest request,
                         @Context UriInfo uri) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "required: 8 to 128 letters, digits or . _ : - (a UUID is a good choice)");
        }
        CaseService.Created created = cases.open(request, idempotencyKey, caller.getPrincipal().getName(),
                CallingClient.of(caller));
        CustomerCase opened = created.customerCase();
        return Response.created(uri.getAbsolutePathBuilder().path(opened.id.toString()).build())
                .header("Idempotent-Replayed", created.replayed())
                .entity(CaseView.of(opened, caller)).build();
    }

    /** Cases, newest first, filtered by decision, US / foreign status and opening time. */
    @GET
    @RolesAllowed({"analyst", "supervisor"})
    public CasePage list(@QueryParam("decision") String decision, @QueryParam("personStatus") String personStatus,
                         @QueryParam("openedFrom") String openedFrom, @QueryParam("openedTo") String openedTo,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        CaseRepository.Filter filter = new CaseRepository.Filter(
                QueryParams.enumValue(Decision.class, "decision", decision),
                QueryParams.enumValue(PersonStatus.class, "personStatus", personStatus),
                QueryParams.time("openedFrom", openedFrom), QueryParams.time("openedTo", openedTo));
        return new CasePage(cases.list(filter, page, size).stream().map(c -> CaseView.of(c, caller)).toList(),
                page, size, cases.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"onboarding", "analyst", "supervisor"})
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(cases.get(id), caller);
    }

    /**
     * Replaces the declared data. If-Match carries the version the caller read; a stale version gets 409 and
     * changes nothing. The case is screened and decided again.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public CaseView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CaseRequest request) {
        return CaseView.of(cases.update(id, request, version(ifMatch), caller.getPrincipal().getName()), caller);
    }

    /** Closes the account. Its records are kept until the retention period after closure ends. */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public CaseView close(@PathParam("id") UUID id, @NotNull @Valid Closure closure) {
        return CaseView.of(cases.close(id, closure.reason(), caller.getPrincipal().getName()), caller);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({"analyst", "supervisor"})
    public List<AuditView> audit(@PathParam("id") UUID id) {
        return cases.auditTrail(id).stream().map(AuditView::of).toList();
    }

    private static long version(String ifMatch) {
        if (ifMatch == null || !ifMatch.matches("(W/)?\"?[0-9]{1,18}\"?")) {
            throw ProblemException.invalidField("If-Match", "required: the version of the case you read, e.g. \"3\"");
        }
        return Long.parseLong(ifMatch.replaceAll("[^0-9]", ""));
    }

    public record Closure(@NotBlank @Size(max = 2000) @NoControlCharacters String reason) {
    }

    public record CasePage(List<CaseView> items, int page, int size, long total) {
    }

    /**
     * A case as the caller may see it: dates of birth in full only for the roles that review or supervise;
     * the others see the year. The profile is null once the retention job erased it.
     */
    public record CaseView(UUID id, String kind, String legalName, String decision, String personStatus, int riskScore,
                           List<String> reasons, ScreeningSummary screening, ReviewProposal awaitingSignOff,
                           List<String> clearedEntries, CaseRequest profile, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, OffsetDateTime closedAt, OffsetDateTime erasedAt, long version) {
        public static CaseView of(CustomerCase c, SecurityIdentity caller) {
            CaseRequest profile = c.profile() == null || Masking.seesPersonalDetails(caller) ? c.profile()
                    : Masking.yearsOnly(c.profile());
            return new CaseView(c.id, c.kind.name(), c.legalName, c.decision.name(), c.personStatus.name(), c.riskScore,
                    c.reasons, c.screening, c.reviewProposal, c.clearedEntries, profile, c.createdAt, c.updatedAt,
                    c.closedAt, c.erasedAt, c.version);
        }
    }

    public record AuditView(long id, OffsetDateTime at, String actor, String action, Map<String, Object> detail) {
        static AuditView of(CaseAudit a) {
            return new AuditView(a.id, a.at, a.actor, a.action, a.detail);
        }
    }
}
