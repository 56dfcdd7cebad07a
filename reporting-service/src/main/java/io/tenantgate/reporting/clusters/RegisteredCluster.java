package io.tenantgate.reporting.clusters;

import io.tenantgate.reporting.detection.Cluster;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A cluster as the operator registered it. */
@Entity
@Table(name = "cluster")
public class RegisteredCluster {

    @Id
    @Column(length = 64)
    public String id;

    @Column(name = "data_centre", nullable = false, length = 128)
    public String dataCentre;

    @Column(name = "accelerator_type", nullable = false, length = 64)
    public String acceleratorType;

    @Column(name = "accelerator_count", nullable = false)
    public int acceleratorCount;

    @Column(name = "peak_ops_per_accelerator", nullable = false)
    public double peakOpsPerAccelerator;

    @Column(name = "interconnect_gbps", nullable = false)
    public double interconnectGbps;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Cluster toCluster() {
        return new Cluster(id, dataCentre, acceleratorType, acceleratorCount, peakOpsPerAccelerator, interconnectGbps);
    }
}
