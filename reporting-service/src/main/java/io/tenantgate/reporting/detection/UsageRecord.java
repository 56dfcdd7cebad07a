package io.tenantgate.reporting.detection;

import java.time.Duration;
import java.time.Instant;

/**
 * One metered interval of a training run, as the provider's metering reports it.
 *
 * @param utilization        mean utilisation in (0, 1]; ignored when measuredOperations is given
 * @param measuredOperations operations actually counted, or 0 when not measured
 */
public record UsageRecord(String recordId, String accountId, String runId, String clusterId, String acceleratorType,
                          int acceleratorCount, Instant start, Instant end, double utilization,
                          double measuredOperations, boolean biologicalSequenceData) {

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Measured operations when given, else accelerator-seconds x peak per accelerator x utilisation. */
    public double operations(Cluster cluster) {
        if (measuredOperations > 0) {
            return measuredOperations;
        }
        double seconds = duration().toNanos() / 1e9;
        return acceleratorCount * seconds * cluster.peakOperationsPerSecondPerAccelerator() * utilization;
    }
}
