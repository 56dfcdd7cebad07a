package io.tenantgate.identity.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.cases.CaseAudit;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.identity.cases.ReviewProposal;
import io.tenantgate.identity.client.ScreeningSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
        CaseService.Created created = cases.open(request, idempotencyKey, caller.getPrincipal().getName());
        CustomerCase opened = created.customerCase();
        return Response.created(uri.getAbsolutePathBuilder().path(opened.id.toString()).build())
                .header("Idempotent-Replayed", created.replayed())
                .entity(CaseView.of(opened)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"onboarding", "analyst", "supervisor", "regulator", "operator"})
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(cases.get(id));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({"analyst", "supervisor", "regulator", "operator"})
    public List<AuditView> audit(@PathParam("id") UUID id) {
        return cases.auditTrail(id).stream().map(AuditView::of).toList();
    }

    public record CaseView(UUID id, String kind, String legalName, String decision, String personStatus, int riskScore,
                           List<String> reasons, ScreeningSummary screening, ReviewProposal awaitingSignOff,
                           List<String> clearedEntries, CaseRequest profile, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, long version) {
        static CaseView of(CustomerCase c) {
            return new CaseView(c.id, c.kind.name(), c.legalName, c.decision.name(), c.personStatus.name(), c.riskScore,
                    c.reasons, c.screening, c.reviewProposal, c.clearedEntries, c.profile, c.createdAt, c.updatedAt,
                    c.version);
        }
    }

    public record AuditView(long id, OffsetDateTime at, String actor, String action, Map<String, Object> detail) {
        static AuditView of(CaseAudit a) {
            return new AuditView(a.id, a.at, a.actor, a.action, a.detail);
        }
    }
}
