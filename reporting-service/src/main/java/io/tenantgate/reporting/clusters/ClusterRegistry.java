package io.tenantgate.reporting.clusters;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.reporting.detection.Cluster;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.tenantgate.common.validation.NoControlCharacters;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registered clusters. Usage intake reads them from memory (every record names one); the copy is
 * replaced on each change here and reloaded periodically. A cluster this replica does not know yet (registered
 * through another replica a moment ago) is looked up by id in the database before a record naming it is
 * refused; each unknown id at most once a second, so that a burst of records for one unknown cluster costs one
 * query (and a whole batch of them at most one per distinct id).
 */
@ApplicationScoped
public class ClusterRegistry implements PanacheRepositoryBase<RegisteredCluster, String> {

    private static final long MISS_LOOKUP_NANOS = 1_000_000_000L;
    /** Beyond this many remembered misses the memory is cleared (ids are chosen by callers). */
    private static final int MAX_REMEMBERED_MISSES = 10_000;

    private volatile Map<String, Cluster> byId = Map.of();
    private final Map<String, Long> missLookedUpAt = new java.util.concurrent.ConcurrentHashMap<>();

    void onStart(@Observes @Priority(10) StartupEvent start) {
        reload();
    }

    public Optional<Cluster> find(String id) {
        Cluster cluster = byId.get(id);
        if (cluster != null) {
            return Optional.of(cluster);
        }
        long now = System.nanoTime();
        Long lookedUp = missLookedUpAt.get(id);
        if (lookedUp != null && now - lookedUp < MISS_LOOKUP_NANOS) {
            return Optional.empty();
        }
        if (missLookedUpAt.size() >= MAX_REMEMBERED_MISSES) {
            missLookedUpAt.clear();
        }
        Optional<Cluster> found = lookUp(id);
        if (found.isPresent()) {
            // Only ids that found nothing are held back: a found cluster a concurrent reload drops is looked up again.
            missLookedUpAt.remove(id);
            remember(found.get());
        } else {
            missLookedUpAt.put(id, now);
        }
        return found;
    }

    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Cluster> lookUp(String id) {
        return findByIdOptional(id).map(RegisteredCluster::toCluster);
    }

    private synchronized void remember(Cluster cluster) {
        Map<String, Cluster> copy = new java.util.HashMap<>(byId);
        copy.put(cluster.id(), cluster);
        byId = Map.copyOf(copy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisteredCluster> all() {
        return listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisteredCluster get(String id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cluster " + id));
    }

    /**
     * Creates or replaces a cluster. With {@code expectedVersion} the update applies only to that version,
     * so two operators editing at once cannot overwrite each other unseen.
     */
    @Transactional
    public RegisteredCluster put(String id, ClusterSpec spec, Long expectedVersion) {
        Cluster checked;
        try {
            checked = new Cluster(id, spec.dataCentre(), spec.acceleratorType(), spec.acceleratorCount(),
                    spec.peakOpsPerAccelerator(), spec.interconnectGbps());
        } catch (IllegalArgumentException invalid) {
            String[] parts = invalid.getMessage().split(": ", 2);
            throw ProblemException.invalidField(parts[0], parts.length > 1 ? parts[1] : invalid.getMessage());
        }
        RegisteredCluster cluster = findById(id);
        if (cluster == null) {
            if (expectedVersion != null) {
                throw ProblemException.conflict("cluster " + id + " does not exist yet; create it without a version");
            }
            cluster = new RegisteredCluster();
            cluster.id = id;
        } else if (expectedVersion != null && expectedVersion != cluster.version) {
            throw ProblemException.conflict("cluster " + id + " is at version " + cluster.version + ", not "
                    + expectedVersion + "; read it again");
        }
        cluster.dataCentre = checked.dataCentre();
        cluster.acceleratorType = checked.acceleratorType();
        cluster.acceleratorCount = checked.acceleratorCount();
        cluster.peakOpsPerAccelerator = checked.peakOperationsPerSecondPerAccelerator();
        cluster.interconnectGbps = checked.interconnectGbps();
        cluster.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        persistAndFlush(cluster);
        remember(cluster.toCluster());
        return cluster;
    }

    @Scheduled(every = "10s", delayed = "10s")
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    void reload() {
        byId = listAll().stream().map(RegisteredCluster::toCluster)
                .collect(Collectors.toUnmodifiableMap(Cluster::id, Function.identity()));
    }

    /** What an operator sends for a cluster. */
    public record ClusterSpec(
            @NotBlank @Size(max = 128) @NoControlCharacters String dataCentre,
            @NotBlank @Size(max = 64) @NoControlCharacters String acceleratorType,
            @Min(1) @Max(10_000_000) int acceleratorCount,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1e21") double peakOpsPerAccelerator,
            @DecimalMin("0") @DecimalMax("1e6") double interconnectGbps) {
    }
}
