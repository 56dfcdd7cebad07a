package io.tenantgate.reporting.rest;

import io.tenantgate.reporting.clusters.ClusterRegistry;
import io.tenantgate.reporting.clusters.RegisteredCluster;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.List;

/** The cluster registry, kept by operators. */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class ClusterResource {

    private final ClusterRegistry clusters;

    public ClusterResource(ClusterRegistry clusters) {
        this.clusters = clusters;
    }

    @GET
    public List<ClusterView> list() {
        return clusters.all().stream().map(ClusterView::of).toList();
    }

    @GET
    @Path("/{id}")
    public ClusterView get(@PathParam("id") String id) {
        return ClusterView.of(clusters.get(id));
    }

    /** Creates or replaces; {@code ?version=N} makes the replacement conditional (409 when stale). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClusterView put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
                           @QueryParam("version") Long version,
                           @NotNull @Valid ClusterRegistry.ClusterSpec spec) {
        return ClusterView.of(clusters.put(id, spec, version));
    }

    public record ClusterView(String id, String dataCentre, String acceleratorType, int acceleratorCount,
                              double peakOpsPerAccelerator, double interconnectGbps, double theoreticalPeak,
                              OffsetDateTime updatedAt, long version) {
        static ClusterView of(RegisteredCluster c) {
            return new ClusterView(c.id, c.dataCentre, c.acceleratorType, c.acceleratorCount, c.peakOpsPerAccelerator,
                    c.interconnectGbps, c.toCluster().theoreticalPeak(), c.updatedAt, c.version);
        }
    }
}
