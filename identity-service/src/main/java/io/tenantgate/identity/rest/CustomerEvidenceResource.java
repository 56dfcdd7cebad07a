package io.tenantgate.identity.rest;

import io.tenantgate.common.validation.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.QueryParams;
import io.tenantgate.identity.access.AccessEventBatch;
import io.tenantgate.identity.access.AccessLogService;
import io.tenantgate.identity.evidence.DocumentRequest;
import io.tenantgate.identity.evidence.EvidenceService;
import io.tenantgate.identity.evidence.IdentityDocument;
import io.tenantgate.identity.evidence.PaymentInstrument;
import io.tenantgate.identity.evidence.PaymentRequest;
import io.tenantgate.decision.signals.CheckResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the sign-up flow and the provider's systems add to a case after it is opened: identity documents,
 * payment instruments and the access log. Numbers are answered masked; a reviewer may read a document
 * number in full through its own, audited endpoint.
 */
@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerEvidenceResource {

    private final EvidenceService evidence;
    private final AccessLogService accessLog;
    private final SecurityIdentity caller;

    public CustomerEvidenceResource(EvidenceService evidence, AccessLogService accessLog, SecurityIdentity caller) {
        this.evidence = evidence;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    /** Adds a document: 201 when new, 200 with the stored one when this document was added before. */
    @POST
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public Response addDocument(@PathParam("id") UUID id, @NotNull @Valid DocumentRequest request) {
        return answer(evidence.addDocument(id, request, actor()), DocumentView::of);
    }

    @GET
    @Path("/documents")
    @RolesAllowed({"onboarding", "analyst", "supervisor"})
    public List<DocumentView> documents(@PathParam("id") UUID id) {
        return evidence.documents(id).stream().map(DocumentView::of).toList();
    }

    /** The full document number, for reviewers comparing documents; every reading is in the audit trail. */
    @GET
    @Path("/documents/{documentId}/number")
    @RolesAllowed({"analyst", "supervisor"})
    public DocumentNumber documentNumber(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return new DocumentNumber(evidence.revealDocumentNumber(id, documentId, actor()));
    }

    @POST
    @Path("/payment-instruments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public Response addPayment(@PathParam("id") UUID id, @NotNull @Valid PaymentRequest request) {
        return answer(evidence.addPayment(id, request, actor()), PaymentView::of);
    }

    @GET
    @Path("/payment-instruments")
    @RolesAllowed({"onboarding", "analyst", "supervisor"})
    public List<PaymentView> payments(@PathParam("id") UUID id) {
        return evidence.payments(id).stream().map(PaymentView::of).toList();
    }

    /** Appends up to 10,000 access events; events already logged count as duplicates and are not stored again. */
    @POST
    @Path("/access-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("onboarding")
    public AccessLogService.Appended appendAccessEvents(@PathParam("id") UUID id, @NotNull @Valid AccessEventBatch batch) {
        return accessLog.append(id, batch, actor());
    }

    @GET
    @Path("/access-events")
    @RolesAllowed({"analyst", "supervisor"})
    public List<AccessLogService.LoggedAccess> accessEvents(@PathParam("id") UUID id,
                                                             @QueryParam("since") String since,
                                                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                                             @QueryParam("size") @DefaultValue("500") @Min(1) @Max(5000) int size) {
        return accessLog.list(id, QueryParams.time("since", since), page, size);
    }

    /** 201 with what was stored, or 200 with what was stored before when the same item came again. */
    private static <T> Response answer(EvidenceService.Added<T> added, java.util.function.Function<T, ?> view) {
        return Response.status(added.existing() ? 200 : 201).entity(view.apply(added.value())).build();
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    public record DocumentNumber(String number) {
    }

    public record DocumentView(UUID id, String type, String maskedNumber, String issuingCountry, LocalDate expiry,
                               boolean mrzGiven, List<CheckResult> checks, String addedBy, OffsetDateTime addedAt) {
        static DocumentView of(IdentityDocument d) {
            return new DocumentView(d.id, d.type.name(), "*****" + d.lastDigits, d.issuingCountry, d.expiry,
                    d.mrz != null, d.checks, d.addedBy, d.addedAt);
        }
    }

    public record PaymentView(UUID id, String type, String accountId, String maskedIdentifier, String issuingCountry,
                              String sourceOfFunds, List<String> providerReferences, List<CheckResult> checks,
                              String addedBy, OffsetDateTime addedAt) {
        static PaymentView of(PaymentInstrument p) {
            return new PaymentView(p.id, p.type.name(), p.accountId, p.lastDigits == null ? null : "*****" + p.lastDigits,
                    p.issuingCountry, p.sourceOfFunds, p.providerReferences, p.checks, p.addedBy, p.addedAt);
        }
    }
}
