package io.tenantgate.screening.rest;

import io.tenantgate.screening.lists.ListStatusService;
import io.tenantgate.screening.lists.ListVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private final ListStatusService lists;

    public ListResource(ListStatusService lists) {
        this.lists = lists;
    }

    /** Every imported list version, newest first. */
    @GET
    @RolesAllowed({"operator", "analyst"})
    public List<ListVersionView> versions() {
        return lists.allVersions().stream().map(ListVersionView::of).toList();
    }

    public record ListVersionView(String source, long version, String checksum, int entryCount, String origin,
                                  OffsetDateTime importedAt, boolean active) {
        static ListVersionView of(ListVersion v) {
            return new ListVersionView(v.source, v.version, v.checksum, v.entryCount, v.origin, v.importedAt, v.active);
        }
    }
}
