package io.tenantgate.reporting.detection;

import java.time.Duration;

/**
 * The interim technical conditions for reporting a large AI training run (89 FR 5698): the rule is still
 * a proposal, so every figure is configuration.
 *
 * @param operationsThreshold          total operations above which a run is reportable (10^26)
 * @param biologicalOperationsThreshold the same for runs trained primarily on biological sequence data (10^23)
 * @param clusterInterconnectGbps      a cluster with networking above this (100 Gbit/s) ...
 * @param clusterPeakOperationsPerSecond ... and a theoretical peak above this (10^20 op/s) makes any run on it reportable
 * @param projectionHorizon            report on knowledge: a run whose current rate crosses the threshold within this
 */
public record DetectionSettings(double operationsThreshold, double biologicalOperationsThreshold,
                                double clusterInterconnectGbps, double clusterPeakOperationsPerSecond,
                                Duration projectionHorizon) {

    public DetectionSettings {
        if (!(operationsThreshold > 0) || !(biologicalOperationsThreshold > 0) || !(clusterInterconnectGbps > 0)
                || !(clusterPeakOperationsPerSecond > 0)) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
        if (projectionHorizon.isNegative()) {
            throw new IllegalArgumentException("the projection horizon must not be negative");
        }
    }

    public static DetectionSettings interimConditions() {
        return new DetectionSettings(1e26, 1e23, 100, 1e20, Duration.ofDays(30));
    }
}
