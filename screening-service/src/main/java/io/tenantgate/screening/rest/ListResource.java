package io.tenantgate.screening.rest;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.lists.ListFeed;
import io.tenantgate.screening.lists.ListImportService;
import io.tenantgate.screening.lists.ListStatusService;
import io.tenantgate.screening.lists.ListUpload;
import io.tenantgate.screening.lists.ListVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
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
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Path("/api/v1/lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private final ListStatusService lists;
    private final ListImportService imports;
    private final ListChanges changes;

    public ListResource(ListStatusService lists, ListImportService imports, ListChanges changes) {
        this.lists = lists;
        this.imports = imports;
        this.changes = changes;
    }

    /** Every imported list version, newest first. */
    @GET
    @RolesAllowed({"operator", "analyst"})
    public List<ListVersionView> versions() {
        return lists.allVersions().stream().map(ListVersionView::of).toList();
    }

    /** The deltas of the versions imported after the given change id. */
    @GET
    @Path("/changes")
    @RolesAllowed({"operator", "analyst"})
    public List<ListChanges.ListChange> changes(@QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        return changes.after(after);
    }

    /**
     * Uploads a new version of a feed (CSL: part "file"; SDN: "sdn" and optionally "add", "alt", "comments";
     * INTERNAL: "file") as multipart/form-data. 201 with the delta when it is new, 200 when the same content
     * was imported before.
     */
    @POST
    @Path("/{feed}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("operator")
    public Response upload(@PathParam("feed") String feedName, MultipartFormDataInput form) {
        ListFeed feed = ListFeed.of(feedName).orElseThrow(() ->
                ProblemException.invalidField("feed", "unknown list feed '" + feedName + "'; one of CSL, SDN, INTERNAL"));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        StringBuilder origin = new StringBuilder("upload:");
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            FormValue file = part.getValue().iterator().next();
            if (part.getValue().size() != 1 || !file.isFileItem()) {
                throw ProblemException.invalidField(part.getKey(), "must be exactly one file");
            }
            parts.put(part.getKey(), read(file));
            origin.append(' ').append(part.getKey()).append('=').append(file.getFileName());
        }
        ListImportService.ImportResult result = imports.importList(new ListUpload(feed, parts, origin.toString()));
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ImportView.of(result)).build();
    }

    private static byte[] read(FormValue file) {
        try {
            return Files.readAllBytes(file.getFileItem().getFile());
        } catch (IOException e) {
            throw new UncheckedIOException("uploaded file unreadable", e);
        }
    }

    public record ListVersionView(String source, long version, String checksum, int entryCount, String origin,
                                  OffsetDateTime importedAt, boolean active) {
        static ListVersionView of(ListVersion v) {
            return new ListVersionView(v.source, v.version, v.checksum, v.entryCount, v.origin, v.importedAt, v.active);
        }
    }

    /** The outcome of an upload; the key lists are capped, the counts are not. */
    public record ImportView(ListVersionView version, boolean created, int added, int changed, int removed,
                             List<String> addedKeys, List<String> changedKeys, List<String> removedKeys) {
        private static final int SHOWN = 100;

        static ImportView of(ListImportService.ImportResult r) {
            return new ImportView(ListVersionView.of(r.version()), r.created(), r.added().size(), r.changed().size(),
                    r.removed().size(), first(r.added()), first(r.changed()), first(r.removed()));
        }

        private static List<String> first(List<String> keys) {
            return keys.stream().limit(SHOWN).collect(Collectors.toList());
        }
    }
}
