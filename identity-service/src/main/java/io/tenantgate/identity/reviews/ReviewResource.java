package io.tenantgate.identity.reviews;

import io.tenantgate.common.validation.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.validation.NoControlCharacters;
import io.tenantgate.identity.rest.CustomerResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The review queue: cases an analyst must look at, with what screening found. */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "supervisor"})
public class ReviewResource {

    private final ReviewService reviews;
    private final SecurityIdentity caller;

    public ReviewResource(ReviewService reviews, SecurityIdentity caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** Cases under review, oldest first. */
    @GET
    public List<CustomerResource.CaseView> queue(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return reviews.queue(page, size).stream().map(c -> CustomerResource.CaseView.of(c, caller)).toList();
    }

    /**
     * Decides a case under review. {@code version} is the case version the reviewer read (409 when it changed).
     * Clearing a high-risk case records a proposal that a different person with the supervisor role signs off.
     */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerResource.CaseView decide(@PathParam("id") UUID id, @NotNull @Valid ReviewDecision decision) {
        return CustomerResource.CaseView.of(reviews.decide(id, decision.version(), decision.outcome(),
                decision.reason(), caller.getPrincipal().getName(), caller.hasRole("supervisor")), caller);
    }

    public record ReviewDecision(@NotNull ReviewService.Outcome outcome,
                                 @NotBlank @Size(max = 2000) @NoControlCharacters String reason,
                                 @NotNull @Min(0) Long version) {
    }
}
