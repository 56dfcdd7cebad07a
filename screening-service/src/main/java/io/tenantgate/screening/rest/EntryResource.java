package io.tenantgate.screening.rest;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.index.ActiveIndex;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/** A list entry as the active index holds it, by its key {@code SOURCE:NUMBER}. */
@Path("/api/v1/entries/{source}/{number}")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    private final ActiveIndex index;

    public EntryResource(ActiveIndex index) {
        this.index = index;
    }

    @GET
    @RolesAllowed({"operator", "analyst", "supervisor"})
    public Entry entry(@PathParam("source") String source, @PathParam("number") String number) {
        String key = source.toUpperCase(Locale.ROOT) + ":" + number;
        Entry entry = index.current().entries().get(key);
        if (entry == null) {
            throw ProblemException.notFound("List entry " + key);
        }
        return entry;
    }
}
