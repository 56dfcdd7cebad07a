package io.tenantgate.reporting.detection;

import io.tenantgate.reporting.detection.TrainingRunDetector.Detection;
import io.tenantgate.reporting.detection.TrainingRunDetector.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRunDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    /** 1,024 accelerators at 10^15 op/s, 50 Gbit/s: below the cluster condition. */
    private static final Cluster MODEST = new Cluster("modest", "us-east-1a", "H100", 1024, 1e15, 50);
    /** 200,000 accelerators at 10^15 op/s = 2x10^20 op/s with 400 Gbit/s: meets the cluster condition. */
    private static final Cluster HUGE = new Cluster("huge", "us-east-1b", "H100", 200_000, 1e15, 400);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final java.util.Map<String, TrainingRunDetector.RunState> runs = new java.util.HashMap<>();
    private final TrainingRunDetector detector = new TrainingRunDetector(
            new DetectionSettings(1e26, 1e23, 100, 1e20, Duration.ZERO), CLOCK);

    @Test
    void operationsAreSummedPerRunAndReportedOnceWhenTheyCrossTheThreshold() {
        // 1,024 x 10^15 op/s x 0.5 utilisation x 1 day = 4.42x10^22 per record; 10^26 needs 2,263 days.
        List<Detection> seen = new ArrayList<>();
        seen.addAll(apply(detector, measured("acct", "run-1", 6e25, false), MODEST));
        assertEquals(List.of(), seen);
        seen.addAll(apply(detector, measured("acct", "run-1", 5e25, false), MODEST));
        seen.addAll(apply(detector, measured("acct", "run-1", 1e25, false), MODEST));

        assertEquals(1, seen.size(), "reported once, when it first held");
        assertEquals(Trigger.OPERATIONS_EXCEEDED, seen.get(0).trigger());
        assertEquals(1.1e26, seen.get(0).operations(), 1e20);
        assertEquals(1.2e26, run("acct", "run-1").orElseThrow().operations(), 1e20);
    }

    @Test
    void runsAndAccountsAreKeptApart() {
        apply(detector, measured("a", "run", 6e25, false), MODEST);
        apply(detector, measured("b", "run", 6e25, false), MODEST);
        assertEquals(List.of(), apply(detector, measured("a", "other", 6e25, false), MODEST));
    }

    @Test
    void biologicalSequenceDataHasTheLowerThreshold() {
        List<Detection> seen = apply(detector, measured("acct", "bio", 2e23, true), MODEST);
        assertEquals(Trigger.OPERATIONS_EXCEEDED, seen.get(0).trigger());
        assertEquals(1e23, seen.get(0).threshold());
        assertTrue(seen.get(0).biologicalSequenceData());
    }

    @Test
    void anyRunOnAClusterMeetingTheClusterConditionIsReportable() {
        assertTrue(HUGE.meetsClusterCondition(DetectionSettings.interimConditions()));
        List<Detection> seen = apply(detector, estimated("acct", "small-run", 8, Duration.ofHours(1), 0.3), HUGE);
        assertEquals(List.of(Trigger.CLUSTER_CONDITION), seen.stream().map(Detection::trigger).toList());
    }

    @Test
    void estimatedOperationsAreAcceleratorSecondsTimesPeakTimesUtilisation() {
        apply(detector, estimated("acct", "est", 1000, Duration.ofHours(2), 0.5), MODEST);
        assertEquals(1000 * 7200 * 1e15 * 0.5, run("acct", "est").orElseThrow().operations(), 1e9);
    }

    @Test
    void aRunOnCourseToCrossWithinTheHorizonIsReportedOnKnowledge() {
        TrainingRunDetector withHorizon = new TrainingRunDetector(
                new DetectionSettings(1e26, 1e23, 100, 1e20, Duration.ofDays(30)), CLOCK);
        // 10 days at 5x10^24 per day: 5x10^25 so far, crossing 10^26 ten days after the last usage.
        List<Detection> seen = new ArrayList<>();
        IntStream.range(0, 10).forEach(day -> seen.addAll(apply(withHorizon, new UsageRecord(next(), "acct", "fast",
                "modest", "H100", 1024, T0.plus(Duration.ofDays(day)), T0.plus(Duration.ofDays(day + 1)), 0, 5e24,
                false), MODEST)));

        Detection projected = seen.stream().filter(d -> d.trigger() == Trigger.PROJECTED_TO_EXCEED).findFirst().orElseThrow();
        assertTrue(projected.operations() < 1e26);
        assertTrue(Duration.between(projected.lastUsage(), projected.projectedCrossing()).toDays() <= 30);
        assertEquals(1, seen.size(), "reported once");
    }

    @Test
    void aSlowRunIsNotProjected() {
        TrainingRunDetector withHorizon = new TrainingRunDetector(
                new DetectionSettings(1e26, 1e23, 100, 1e20, Duration.ofDays(30)), CLOCK);
        assertEquals(List.of(), apply(withHorizon, measured("acct", "slow", 1e22, false), MODEST));
        assertTrue(run("acct", "slow").orElseThrow().reported().isEmpty());
    }

    @Test
    void theValidatorRejectsBadRecordsNamingTheField() {
        UsageValidator validator = new UsageValidator(id -> id.equals("modest") ? Optional.of(MODEST) : Optional.empty(), CLOCK);
        UsageRecord good = estimated("acct", "run", 10, Duration.ofHours(1), 0.5);
        assertEquals(Optional.empty(), validator.check(good));
        assertEquals("end", validator.check(withTimes(good, T0, T0)).orElseThrow().field());
        assertEquals("end", validator.check(withTimes(good, T0, T0.minusSeconds(1))).orElseThrow().field());
        assertEquals("end", validator.check(withTimes(good, CLOCK.instant(), CLOCK.instant().plus(Duration.ofHours(1))))
                .orElseThrow().field());
        Instant ancient = Instant.parse("-1000000-01-01T00:00:00Z");
        assertEquals("start", validator.check(withTimes(good, ancient, ancient.plusSeconds(60))).orElseThrow().field());
        assertEquals("start", validator.check(withTimes(good, Instant.EPOCH.minusSeconds(1), Instant.EPOCH.plusSeconds(60)))
                .orElseThrow().field());
        assertEquals("clusterId", validator.check(new UsageRecord("r", "acct", "run", "nowhere", "H100", 1, T0,
                T0.plusSeconds(60), 0.5, 0, false)).orElseThrow().field());
        assertEquals("acceleratorCount", validator.check(new UsageRecord("r", "acct", "run", "modest", "H100", 5000, T0,
                T0.plusSeconds(60), 0.5, 0, false)).orElseThrow().field());
        assertEquals("utilization", validator.check(new UsageRecord("r", "acct", "run", "modest", "H100", 1, T0,
                T0.plusSeconds(60), 1.5, 0, false)).orElseThrow().field());
        assertEquals("measuredOperations", validator.check(new UsageRecord("r", "acct", "run", "modest", "H100", 1, T0,
                T0.plusSeconds(60), 0, 1e30, false)).orElseThrow().field());
        assertEquals("recordId", validator.check(new UsageRecord(" ", "acct", "run", "modest", "H100", 1, T0,
                T0.plusSeconds(60), 0.5, 0, false)).orElseThrow().field());
        // longer than their columns: refused one by one instead of failing the insert of the whole batch
        assertEquals("runId", validator.check(new UsageRecord("r", "acct", "x".repeat(129), "modest", "H100", 1, T0,
                T0.plusSeconds(60), 0.5, 0, false)).orElseThrow().field());
        assertEquals("acceleratorType", validator.check(new UsageRecord("r", "acct", "run", "modest", "H".repeat(65), 1, T0,
                T0.plusSeconds(60), 0.5, 0, false)).orElseThrow().field());
        assertEquals(Optional.empty(), validator.check(new UsageRecord("r".repeat(128), "a".repeat(128), "x".repeat(128),
                "modest", "H".repeat(64), 1, T0, T0.plusSeconds(60), 0.5, 0, false)));
    }

    /** Keeps the totals as run_total does: each record added, each new condition marked reported. */
    private List<Detection> apply(TrainingRunDetector detector, UsageRecord record, Cluster cluster) {
        String key = record.accountId() + "/" + record.runId();
        TrainingRunDetector.RunState totals = detector.add(runs.get(key), record, cluster);
        List<Detection> found = detector.newDetections(record.accountId(), record.runId(), totals);
        for (Detection detection : found) {
            totals = totals.reporting(detection.trigger());
        }
        runs.put(key, totals);
        return found;
    }

    private Optional<TrainingRunDetector.RunState> run(String accountId, String runId) {
        return Optional.ofNullable(runs.get(accountId + "/" + runId));
    }

    private static UsageRecord measured(String account, String run, double operations, boolean biological) {
        return new UsageRecord(next(), account, run, "modest", "H100", 1024, T0, T0.plus(Duration.ofDays(1)), 0,
                operations, biological);
    }

    private static UsageRecord estimated(String account, String run, int accelerators, Duration duration, double utilization) {
        return new UsageRecord(next(), account, run, "modest", "H100", accelerators, T0, T0.plus(duration), utilization,
                0, false);
    }

    private static UsageRecord withTimes(UsageRecord r, Instant start, Instant end) {
        return new UsageRecord(r.recordId(), r.accountId(), r.runId(), r.clusterId(), r.acceleratorType(),
                r.acceleratorCount(), start, end, r.utilization(), r.measuredOperations(), r.biologicalSequenceData());
    }

    private static String next() {
        return "rec-" + IDS.incrementAndGet();
    }
}
