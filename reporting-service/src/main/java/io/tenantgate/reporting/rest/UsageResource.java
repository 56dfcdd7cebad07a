package io.tenantgate.reporting.rest;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.reporting.detection.UsageRecord;
import io.tenantgate.reporting.usage.UsageIntakeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * Compute usage from the provider's metering, in batches of up to 10,000 records. Each record is judged on
 * its own: the answer lists the rejected ones with field and reason; the others are applied; a record id
 * sent before counts as a duplicate and changes nothing. A batch that is not valid JSON is refused whole.
 */
@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final UsageIntakeService intake;

    public UsageResource(UsageIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("metering")
    public UsageIntakeService.IntakeResult ingest(@NotNull @Size(min = 1, max = UsageIntakeService.MAX_BATCH) List<UsageInput> records) {
        return intake.ingest(records.stream().map(r -> r == null ? UsageInput.MISSING : r).map(UsageInput::toRecord).toList());
    }

    /** The detector's totals for one run. */
    @GET
    @Path("/runs/{accountId}/{runId}")
    @RolesAllowed({"operator", "supervisor"})
    public Object run(@PathParam("accountId") String accountId, @PathParam("runId") String runId) {
        return intake.run(accountId, runId).orElseThrow(() -> ProblemException.notFound("Run " + runId + " of " + accountId));
    }

    /** One record as sent; a null entry in the batch is refused like any other bad record. */
    public record UsageInput(String recordId, String accountId, String runId, String clusterId, String acceleratorType,
                             int acceleratorCount, Instant start, Instant end, double utilization,
                             double measuredOperations, boolean biologicalSequenceData) {
        static final UsageInput MISSING = new UsageInput(null, null, null, null, null, 0, null, null, 0, 0, false);

        UsageRecord toRecord() {
            return new UsageRecord(recordId, accountId, runId, clusterId, acceleratorType, acceleratorCount, start, end,
                    utilization, measuredOperations, biologicalSequenceData);
        }
    }
}
