package io.tenantgate.reporting.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks one usage record against the cluster registry. A bad record is rejected on its own, with the
 * field (named as in the REST API: {@code clusterId}; the gRPC adapter gives the proto's {@code cluster_id}) and
 * the reason; the good records of the same batch go on.
 */
public final class UsageValidator {

    /** Clock skew tolerated between the metering and this service. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** One record covers at most this long; longer intervals are metering errors, not usage. */
    static final Duration LONGEST_INTERVAL = Duration.ofDays(31);

    /**
     * No metered interval starts earlier. A record from centuries ago is a metering error, and one from before
     * year 1 cannot even be stored: rejecting it here keeps it from failing the good records of its batch.
     */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private final Function<String, Optional<Cluster>> clusters;
    private final Clock clock;

    public UsageValidator(Function<String, Optional<Cluster>> clusters, Clock clock) {
        this.clusters = clusters;
        this.clock = clock;
    }

    /** The longest identifiers the usage table stores; a longer one would fail the whole batch's insert. */
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_CLUSTER_ID_LENGTH = 64;
    static final int MAX_ACCELERATOR_TYPE_LENGTH = 64;

    /** Empty when the record is acceptable, else why not. */
    public Optional<Rejection> check(UsageRecord record) {
        Optional<Rejection> identifiers = identifiers(record);
        if (identifiers.isPresent()) {
            return identifiers;
        }
        if (record.start() == null || record.end() == null) {
            return reject(record.start() == null ? "start" : "end", "must be given");
        }
        if (record.start().isBefore(EARLIEST)) {
            return reject("start", "lies before " + EARLIEST + ", earlier than any metering");
        }
        if (!record.end().isAfter(record.start())) {
            return reject("end", "must be after start (zero or negative duration)");
        }
        if (record.duration().compareTo(LONGEST_INTERVAL) > 0) {
            return reject("end", "an interval may cover at most " + LONGEST_INTERVAL.toDays() + " days");
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (record.end().isAfter(latest)) {
            return reject("end", "lies in the future");
        }
        Optional<Cluster> cluster = blank(record.clusterId()) ? Optional.empty() : clusters.apply(record.clusterId());
        if (cluster.isEmpty()) {
            return reject("clusterId", "unknown cluster '" + record.clusterId() + "'");
        }
        if (record.acceleratorCount() <= 0 || record.acceleratorCount() > cluster.get().acceleratorCount()) {
            return reject("acceleratorCount", "must be between 1 and the cluster's " + cluster.get().acceleratorCount());
        }
        if (record.measuredOperations() < 0 || Double.isNaN(record.measuredOperations())
                || Double.isInfinite(record.measuredOperations())) {
            return reject("measuredOperations", "must be a finite number, 0 when not measured");
        }
        if (record.measuredOperations() == 0 && !(record.utilization() > 0 && record.utilization() <= 1)) {
            return reject("utilization", "must be in (0, 1] when operations are not measured");
        }
        double ceiling = cluster.get().peakOperationsPerSecondPerAccelerator() * record.acceleratorCount()
                * (record.duration().toNanos() / 1e9);
        if (record.measuredOperations() > ceiling * 1.0001) {
            return reject("measuredOperations", "exceeds what the accelerators can do in the interval");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> identifiers(UsageRecord record) {
        if (blank(record.recordId())) {
            return reject("recordId", "must be given");
        }
        if (blank(record.accountId())) {
            return reject("accountId", "must be given");
        }
        if (blank(record.runId())) {
            return reject("runId", "must be given");
        }
        return tooLong("recordId", record.recordId(), MAX_ID_LENGTH)
                .or(() -> tooLong("accountId", record.accountId(), MAX_ID_LENGTH))
                .or(() -> tooLong("runId", record.runId(), MAX_ID_LENGTH))
                .or(() -> tooLong("clusterId", record.clusterId(), MAX_CLUSTER_ID_LENGTH))
                .or(() -> tooLong("acceleratorType", record.acceleratorType(), MAX_ACCELERATOR_TYPE_LENGTH));
    }

    private static Optional<Rejection> tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? reject(field, "at most " + max + " characters") : Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<Rejection> reject(String field, String reason) {
        return Optional.of(new Rejection(field, reason));
    }

    /** Why a record was refused, naming the field. */
    public record Rejection(String field, String reason) {
    }
}
