package io.tenantgate.screening.rest;

import io.tenantgate.screening.screening.ScreeningOutcome;
import io.tenantgate.screening.screening.ScreeningRequest;
import io.tenantgate.screening.screening.ScreeningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/screenings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningResource {

    private final ScreeningService screening;

    public ScreeningResource(ScreeningService screening) {
        this.screening = screening;
    }

    /** Screens one party and its owners (validated by the service); the answer explains every match. */
    @POST
    @RolesAllowed({"onboarding", "analyst"})
    public ScreeningOutcome screen(@NotNull ScreeningRequest request) {
        return screening.screen(request);
    }
}
