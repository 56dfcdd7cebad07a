package io.tenantgate.identity.rest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.client.ScreeningClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.List;

/** Which list versions customers are screened against, as screening-service reports them. */
@Path("/api/v1/screening/lists")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningListsResource {

    private final ScreeningClient screening;

    public ScreeningListsResource(ScreeningClient screening) {
        this.screening = screening;
    }

    @GET
    @RolesAllowed({"operator", "analyst", "supervisor"})
    public List<ScreeningClient.ActiveList> activeLists() {
        try {
            return screening.activeLists();
        } catch (StatusRuntimeException | TimeoutException e) {
            String reason = e instanceof StatusRuntimeException grpc ? describe(grpc.getStatus()) : "timed out";
            throw ProblemException.unavailable("screening-unavailable", "Screening unavailable",
                    "screening-service did not answer: " + reason);
        }
    }

    private static String describe(Status status) {
        return status.getDescription() == null ? status.getCode().name()
                : status.getCode() + " (" + status.getDescription() + ")";
    }
}
