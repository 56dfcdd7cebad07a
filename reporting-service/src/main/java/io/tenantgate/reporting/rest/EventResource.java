package io.tenantgate.reporting.rest;

import io.tenantgate.common.validation.Paging;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The compliance events received from identity-service, newest first. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventIntakeService events;

    public EventResource(EventIntakeService events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({"operator", "supervisor"})
    public EventPageView list(@QueryParam("customerId") @Size(max = 64) String customerId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        EventIntakeService.EventPage result = events.page(customerId, page, size);
        return new EventPageView(result.items().stream().map(EventView::of).toList(), result.total(),
                result.page(), result.size());
    }

    public record EventPageView(List<EventView> items, long total, int page, int size) {
    }

    public record EventView(UUID eventId, String customerId, long sequence, String type, OffsetDateTime occurredAt,
                            String outcome, List<String> reasons, String customerCountry, boolean foreignPerson,
                            String actor, OffsetDateTime recordedAt) {
        static EventView of(ComplianceEvent e) {
            List<String> reasons = e.reasons.isEmpty() ? List.of() : Arrays.asList(e.reasons.split("\n"));
            return new EventView(e.eventId, e.customerId, e.sequence, e.type, e.occurredAt, e.outcome, reasons,
                    e.customerCountry, e.foreignPerson, e.actor, e.recordedAt);
        }
    }
}
