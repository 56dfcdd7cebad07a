package io.tenantgate.reporting.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What is known of a reportable training run when its report is drafted.
 *
 * @param detections the conditions that made it reportable, in the order they were met
 * @param clusters   the clusters it ran on, with the accelerators it used on each
 */
public record RunFacts(String accountId, String runId, Instant knowledgeAt, Instant dueAt, List<Detected> detections,
                       Instant runStart, Instant lastUsage, double operationsSoFar, double threshold,
                       boolean biologicalSequenceData, List<ClusterUse> clusters) {

    public record Detected(String trigger, Instant detectedAt, double operations) {
    }

    public record ClusterUse(String clusterId, String dataCentre, double interconnectGbps,
                             double theoreticalPeakOperationsPerSecond, String acceleratorType, int maxAccelerators,
                             double operations) {
    }

    /** Operations per second of wall-clock time since the run started. */
    public double rate() {
        if (runStart == null) {
            return 0;
        }
        double seconds = Math.max(1, Duration.between(runStart, lastUsage).toNanos() / 1e9);
        return operationsSoFar / seconds;
    }

    /** When the run crosses the threshold at its current rate; null once crossed or when it does not progress. */
    public Instant projectedCrossing() {
        if (operationsSoFar >= threshold || !(rate() > 0)) { // rate 0 also when no usage is stored
            return null;
        }
        double seconds = (threshold - operationsSoFar) / rate();
        return lastUsage.plusMillis((long) Math.min(seconds * 1000, 1e15));
    }
}
