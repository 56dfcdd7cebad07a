package io.tenantgate.reporting.detection;

/**
 * A registered cluster in one data centre.
 *
 * @param peakOperationsPerSecondPerAccelerator the accelerator's theoretical peak (dense, at the precision used)
 * @param interconnectGbps                      networking between the accelerators, Gbit/s
 */
public record Cluster(String id, String dataCentre, String acceleratorType, int acceleratorCount,
                      double peakOperationsPerSecondPerAccelerator, double interconnectGbps) {

    public Cluster {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must be given");
        }
        if (acceleratorCount <= 0) {
            throw new IllegalArgumentException("acceleratorCount: must be positive");
        }
        if (!(peakOperationsPerSecondPerAccelerator > 0)) {
            throw new IllegalArgumentException("peakOperationsPerSecondPerAccelerator: must be positive");
        }
        if (!(interconnectGbps >= 0)) {
            throw new IllegalArgumentException("interconnectGbps: must not be negative");
        }
    }

    /** Operations per second of the whole cluster at full use. */
    public double theoreticalPeak() {
        return acceleratorCount * peakOperationsPerSecondPerAccelerator;
    }

    /** The cluster condition: any training run on such a cluster is reportable. */
    public boolean meetsClusterCondition(DetectionSettings settings) {
        return interconnectGbps > settings.clusterInterconnectGbps()
                && theoreticalPeak() > settings.clusterPeakOperationsPerSecond();
    }
}
