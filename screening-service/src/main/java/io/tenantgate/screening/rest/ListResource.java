package io.tenantgate.screening.rest;

import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.lists.ListFeed;
import io.tenantgate.screening.lists.ListImportService;
import io.tenantgate.screening.lists.ListProposal;
import io.tenantgate.screening.lists.ListProposals;
import io.tenantgate.screening.lists.ListStatusService;
import io.tenantgate.screening.lists.ListUpload;
import io.tenantgate.screening.lists.ListVersion;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private final ListStatusService lists;
    private final ListProposals proposals;
    private final ListChanges changes;
    private final SecurityIdentity caller;

    public ListResource(ListStatusService lists, ListProposals proposals, ListChanges changes, SecurityIdentity caller) {
        this.lists = lists;
        this.proposals = proposals;
        this.changes = changes;
        this.caller = caller;
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
     * INTERNAL: "file") as multipart/form-data. The file is checked whole and kept as a proposal that another
     * person must approve before it is imported (202, {@code Location} naming the proposal); 200 with the existing
     * version when the same content was imported before.
     */
    @POST
    @Path("/{feed}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("operator")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ListFiles.class)))
    public Response upload(@PathParam("feed") String feedName, @Parameter(hidden = true) MultipartFormDataInput form,
                           @Context UriInfo uri) {
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
        ListProposals.Proposed proposed = proposals.propose(new ListUpload(feed, parts, origin.toString()),
                caller.getPrincipal().getName());
        if (proposed.alreadyImported().isPresent()) {
            return Response.ok(ImportView.unchanged(proposed.alreadyImported().get())).build();
        }
        ListProposal proposal = proposed.proposal().orElseThrow();
        return Response.accepted(ProposalView.of(proposal))
                .location(uri.getBaseUriBuilder().path("api/v1/lists/proposals").path(proposal.id().toString()).build())
                .build();
    }

    /** Uploaded lists by status (default: those waiting for approval), oldest first. */
    @GET
    @Path("/proposals")
    @RolesAllowed({"operator", "supervisor", "analyst"})
    public List<ProposalView> proposals(@QueryParam("status") @DefaultValue("PENDING") String status,
                                        @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        ListProposal.Status wanted;
        try {
            wanted = ListProposal.Status.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField("status", "one of PENDING, APPROVED, REJECTED");
        }
        return proposals.withStatus(wanted, size).stream().map(ProposalView::of).toList();
    }

    @GET
    @Path("/proposals/{id}")
    @RolesAllowed({"operator", "supervisor", "analyst"})
    public ProposalView proposal(@PathParam("id") String id) {
        return ProposalView.of(proposals.find(proposalId(id)));
    }

    /**
     * Four eyes, second pair: imports the proposal (201 with the delta; 200 when its content was imported
     * meanwhile). 403 for the person who uploaded it, 409 once it is decided.
     */
    @POST
    @Path("/proposals/{id}/approve")
    @RolesAllowed({"operator", "supervisor"})
    public Response approve(@PathParam("id") String id) {
        ListImportService.ImportResult result = proposals.approve(proposalId(id), caller.getPrincipal().getName());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ImportView.of(result)).build();
    }

    /** Drops a proposal unimported (the uploader may withdraw it); 409 once it is decided. */
    @POST
    @Path("/proposals/{id}/reject")
    @RolesAllowed({"operator", "supervisor"})
    public ProposalView reject(@PathParam("id") String id) {
        return ProposalView.of(proposals.reject(proposalId(id), caller.getPrincipal().getName()));
    }

    private static UUID proposalId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("List proposal " + id);
        }
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

        static ImportView unchanged(ListVersion existing) {
            return of(new ListImportService.ImportResult(existing, false, List.of(), List.of(), List.of()));
        }

        private static List<String> first(List<String> keys) {
            return keys.stream().limit(SHOWN).collect(Collectors.toList());
        }
    }

    /** An uploaded list waiting for, or past, a second person's decision. */
    public record ProposalView(UUID id, String feed, String checksum, int entryCount, String origin, String proposedBy,
                               OffsetDateTime proposedAt, String status, String decidedBy, OffsetDateTime decidedAt) {
        static ProposalView of(ListProposal p) {
            return new ProposalView(p.id(), p.feed().name(), p.checksum(), p.entryCount(), p.origin(), p.proposedBy(),
                    p.proposedAt(), p.status().name(), p.decidedBy(), p.decidedAt());
        }
    }

    /** The parts of a list upload as the OpenAPI document names them: one file per part, the feed's own parts. */
    @Schema(name = "ListFiles", description = "One file per part: CSL and INTERNAL send `file`; SDN sends `sdn` and"
            + " optionally `add`, `alt` and `comments` (OFAC's CSV files)")
    record ListFiles(@Schema(format = "binary", description = "CSL (the consolidated screening list CSV or JSON) or"
                             + " INTERNAL (key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks)") String file,
                     @Schema(format = "binary", description = "SDN: sdn.csv") String sdn,
                     @Schema(format = "binary", description = "SDN: add.csv (addresses)") String add,
                     @Schema(format = "binary", description = "SDN: alt.csv (aliases)") String alt,
                     @Schema(format = "binary", description = "SDN: sdn_comments.csv") String comments) {
    }
}
