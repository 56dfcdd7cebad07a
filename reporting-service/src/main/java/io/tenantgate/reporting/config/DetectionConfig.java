package io.tenantgate.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.tenantgate.reporting.detection.DetectionSettings;

import java.time.Duration;

/** The reporting conditions for large AI training runs (see {@link DetectionSettings}). */
@ConfigMapping(prefix = "tenantgate.detection")
public interface DetectionConfig {

    double operationsThreshold();

    double biologicalOperationsThreshold();

    double clusterInterconnectGbps();

    double clusterPeakOperationsPerSecond();

    Duration projectionHorizon();

    default DetectionSettings settings() {
        return new DetectionSettings(operationsThreshold(), biologicalOperationsThreshold(), clusterInterconnectGbps(),
                clusterPeakOperationsPerSecond(), projectionHorizon());
    }
}
