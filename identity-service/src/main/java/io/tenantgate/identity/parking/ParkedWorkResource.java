package io.tenantgate.identity.parking;

import io.tenantgate.common.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Operators see what was parked, and why, and put an item back to work once its cause is mended. */
@Path("/api/v1/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class ParkedWorkResource {

    private final ParkedWork parked;

    public ParkedWorkResource(ParkedWork parked) {
        this.parked = parked;
    }

    /** Parked items of one kind (screening, outbox, rescreening) or of every kind, oldest first. */
    @GET
    public ParkedView list(@QueryParam("kind") String kind,
                           @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        List<ParkedWork.Kind> kinds = kind == null ? Arrays.asList(ParkedWork.Kind.values()) : List.of(kindOf(kind));
        Map<String, Long> counts = new LinkedHashMap<>();
        List<ParkedWork.Item> items = new ArrayList<>();
        for (ParkedWork.Kind each : kinds) {
            counts.put(each.name().toLowerCase(Locale.ROOT), parked.count(each));
            items.addAll(parked.list(each, size));
        }
        return new ParkedView(counts, items.stream().map(ParkedItemView::of).toList());
    }

    /** Puts the item back to work at once; 204, or 404 when no such item is parked. */
    @POST
    @Path("/{kind}/{id}/release")
    public void release(@PathParam("kind") String kind, @PathParam("id") String id) {
        parked.release(kindOf(kind), id);
    }

    private static ParkedWork.Kind kindOf(String kind) {
        try {
            return ParkedWork.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField("kind", "one of screening, outbox, rescreening");
        }
    }

    /** The answer: counts per kind, and the items. */
    public record ParkedView(Map<String, Long> counts, List<ParkedItemView> items) {
    }

    /** One parked item as the API shows it. */
    public record ParkedItemView(String kind, String id, String reason, int attempts, java.time.OffsetDateTime parkedAt) {
        static ParkedItemView of(ParkedWork.Item item) {
            return new ParkedItemView(item.kind().name().toLowerCase(Locale.ROOT), item.id(), item.reason(),
                    item.attempts(), item.parkedAt());
        }
    }
}
