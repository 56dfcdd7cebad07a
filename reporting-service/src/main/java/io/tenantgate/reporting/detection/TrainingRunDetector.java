package io.tenantgate.reporting.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says when a training run becomes reportable: over the operations threshold (10^26, or 10^23 for biological
 * sequence data), on a cluster that meets the cluster condition, or projected at its current rate to cross
 * the threshold within the horizon. Each condition is reported once per run, at the moment it first holds
 * (the provider's "knowledge"). Stateless: a run's totals ({@link RunState}) are kept by the caller (in
 * PostgreSQL, shared by every replica), which adds each record with {@link RunState#plus} and asks here which
 * conditions its new totals make true.
 */
public final class TrainingRunDetector {

    private final DetectionSettings settings;
    private final Clock clock;

    public TrainingRunDetector(DetectionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The totals with one more record of the run added; {@code null} totals are a run not seen yet. */
    public RunState add(RunState totals, UsageRecord record, Cluster cluster) {
        return (totals == null ? RunState.empty() : totals).plus(record, cluster, settings);
    }

    /** The conditions that hold for the run's totals and were not reported yet, with the facts of each. */
    public List<Detection> newDetections(String accountId, String runId, RunState state) {
        List<Detection> detections = new ArrayList<>(1);
        RunKey key = new RunKey(accountId, runId);
        for (Trigger trigger : state.holding(settings)) {
            if (!state.reported().contains(trigger)) {
                detections.add(detection(key, state, trigger));
            }
        }
        return detections;
    }

    private Detection detection(RunKey key, RunState state, Trigger trigger) {
        double threshold = state.threshold(settings);
        Instant projectedCrossing = trigger == Trigger.PROJECTED_TO_EXCEED ? state.projectedCrossing(threshold) : null;
        return new Detection(key.accountId(), key.runId(), trigger, clock.instant(), state.operations(), threshold,
                projectedCrossing, state.biological(), state.firstStart(), state.lastEnd(), Set.copyOf(state.clusters()));
    }

    /** Why a run is reportable. */
    public enum Trigger { OPERATIONS_EXCEEDED, CLUSTER_CONDITION, PROJECTED_TO_EXCEED }

    /** A run that just became reportable, with the facts that made it so. */
    public record Detection(String accountId, String runId, Trigger trigger, Instant detectedAt, double operations,
                            double threshold, Instant projectedCrossing, boolean biologicalSequenceData,
                            Instant runStart, Instant lastUsage, Set<String> clusters) {
    }

    private record RunKey(String accountId, String runId) {
    }

    /** What is known of one run so far. */
    public record RunState(double operations, boolean biological, Instant firstStart, Instant lastEnd,
                           Set<String> clusters, boolean onQualifyingCluster, Set<Trigger> reported) {

        static RunState empty() {
            return new RunState(0, false, null, null, Set.of(), false, Set.of());
        }

        RunState plus(UsageRecord record, Cluster cluster, DetectionSettings settings) {
            Set<String> allClusters = clusters;
            if (!clusters.contains(cluster.id())) {
                Set<String> grown = new TreeSet<>(clusters);
                grown.add(cluster.id());
                allClusters = Set.copyOf(grown);
            }
            return new RunState(operations + record.operations(cluster), biological || record.biologicalSequenceData(),
                    firstStart == null || record.start().isBefore(firstStart) ? record.start() : firstStart,
                    lastEnd == null || record.end().isAfter(lastEnd) ? record.end() : lastEnd,
                    allClusters, onQualifyingCluster || cluster.meetsClusterCondition(settings), reported);
        }

        public RunState reporting(Trigger trigger) {
            Set<Trigger> all = EnumSet.noneOf(Trigger.class);
            all.addAll(reported);
            all.add(trigger);
            return new RunState(operations, biological, firstStart, lastEnd, clusters, onQualifyingCluster, Set.copyOf(all));
        }

        double threshold(DetectionSettings settings) {
            return biological ? settings.biologicalOperationsThreshold() : settings.operationsThreshold();
        }

        /** Operations per second of wall-clock time since the run started. */
        double rate() {
            double seconds = Math.max(1, Duration.between(firstStart, lastEnd).toNanos() / 1e9);
            return operations / seconds;
        }

        Instant projectedCrossing(double threshold) {
            double secondsLeft = Math.max(0, (threshold - operations) / rate());
            return lastEnd.plusMillis((long) Math.min(secondsLeft * 1000, Long.MAX_VALUE / 2.0));
        }

        /**
         * Exactly {@code Duration.between(from, to)}, without the ArithmeticException that Duration.between throws
         * and catches inside whenever the span does not fit in nanoseconds (a projected crossing centuries away: the
         * common case, once per record).
         */
        private static Duration until(Instant from, Instant to) {
            return Duration.ofSeconds(to.getEpochSecond() - from.getEpochSecond(), to.getNano() - from.getNano());
        }

        List<Trigger> holding(DetectionSettings settings) {
            List<Trigger> holding = new ArrayList<>(3);
            double threshold = threshold(settings);
            if (operations > threshold) {
                holding.add(Trigger.OPERATIONS_EXCEEDED);
            } else if (until(lastEnd, projectedCrossing(threshold)).compareTo(settings.projectionHorizon()) <= 0) {
                holding.add(Trigger.PROJECTED_TO_EXCEED);
            }
            if (onQualifyingCluster) {
                holding.add(Trigger.CLUSTER_CONDITION);
            }
            return holding;
        }
    }
}
