package io.tenantgate.reporting.usage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.reporting.clusters.ClusterRegistry;
import io.tenantgate.reporting.config.DetectionConfig;
import io.tenantgate.reporting.detection.Cluster;
import io.tenantgate.reporting.detection.TrainingRunDetector;
import io.tenantgate.reporting.detection.TrainingRunDetector.Detection;
import io.tenantgate.reporting.detection.UsageRecord;
import io.tenantgate.reporting.detection.UsageValidator;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Takes compute-usage records from the provider's metering. Each record is checked on its own: bad ones
 * are rejected with the field and reason, the good ones of the same batch are stored. A record id seen
 * before is a duplicate and changes nothing. In the transaction that stores them, the new records are added
 * to their runs' totals in {@code run_total} (one upsert, rows locked in run order), and the conditions the
 * new totals make true are recorded in {@code run_detection}: every replica adds to the same totals, so a run
 * whose records are spread over several replicas is counted whole, and the one update that makes a condition
 * hold records it, once. Nothing is kept in memory, so nothing is replayed at a start.
 */
@ApplicationScoped
public class UsageIntakeService {

    private static final Logger LOG = Logger.getLogger(UsageIntakeService.class);
    public static final int MAX_BATCH = 10_000;

    private final AgroalDataSource dataSource;
    private final ClusterRegistry clusters;
    private final UsageValidator validator;
    private final TrainingRunDetector detector;
    private final RunTotals runTotals;

    public UsageIntakeService(AgroalDataSource dataSource, ClusterRegistry clusters, DetectionConfig config,
                              RunTotals runTotals) {
        this.dataSource = dataSource;
        this.runTotals = runTotals;
        this.clusters = clusters;
        this.validator = new UsageValidator(clusters::find, Clock.systemUTC());
        this.detector = new TrainingRunDetector(config.settings(), Clock.systemUTC());
    }

    public IntakeResult ingest(List<UsageRecord> batch) {
        List<Rejected> rejected = new ArrayList<>();
        List<UsageRecord> valid = new ArrayList<>();
        List<Cluster> validClusters = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        int duplicatesInBatch = 0;
        for (int i = 0; i < batch.size(); i++) {
            UsageRecord record = batch.get(i);
            var rejection = validator.check(record);
            if (rejection.isPresent()) {
                rejected.add(new Rejected(i, record.recordId(), rejection.get().field(), rejection.get().reason()));
            } else if (!idsInBatch.add(record.recordId())) {
                duplicatesInBatch++;
            } else {
                valid.add(record);
                validClusters.add(clusters.find(record.clusterId()).orElseThrow());
            }
        }
        Stored stored = valid.isEmpty() ? new Stored(Set.of(), List.of())
                : QuarkusTransaction.requiringNew().call(() -> store(valid, validClusters));
        Set<String> fresh = stored.fresh();
        List<Detection> detections = stored.detections();
        detections.forEach(d -> LOG.infof("Run %s of account %s is reportable: %s at %.3e operations",
                d.runId(), d.accountId(), d.trigger(), d.operations()));
        return new IntakeResult(batch.size(), fresh.size(), valid.size() - fresh.size() + duplicatesInBatch, rejected,
                detections);
    }

    /**
     * Inserts the records, adds the new ones to their runs' totals and records the conditions that now hold, in
     * the caller's transaction.
     */
    private Stored store(List<UsageRecord> records, List<Cluster> recordClusters) throws SQLException {
        Set<String> fresh = insert(records, recordClusters);
        SortedMap<RunKey, TrainingRunDetector.RunState> added = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord record = records.get(i);
            Cluster cluster = recordClusters.get(i);
            if (fresh.contains(record.recordId())) {
                added.compute(new RunKey(record.accountId(), record.runId()),
                        (key, totals) -> detector.add(totals, record, cluster));
            }
        }
        List<Detection> detections = new ArrayList<>();
        for (Map.Entry<RunKey, TrainingRunDetector.RunState> run : runTotals.add(added).entrySet()) {
            detections.addAll(detector.newDetections(run.getKey().accountId(), run.getKey().runId(), run.getValue()));
        }
        if (!detections.isEmpty()) {
            storeDetections(detections);
            runTotals.markReported(detections);
        }
        return new Stored(fresh, detections);
    }

    /** What a batch stored: the ids that were new, and the conditions they made true. */
    private record Stored(Set<String> fresh, List<Detection> detections) {
    }

    /**
     * Inserts in one statement; returns the ids that were new (the others were sent before). Rows go in in
     * record-id order, so two batches that share ids (a resend while the first send is still being stored)
     * wait for each other instead of deadlocking.
     */
    private Set<String> insert(List<UsageRecord> records, List<Cluster> recordClusters) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (records.isEmpty()) {
            return fresh;
        }
        int n = records.size();
        String[] ids = new String[n];
        String[] accounts = new String[n];
        String[] runs = new String[n];
        String[] clusterIds = new String[n];
        String[] acceleratorTypes = new String[n];
        int[] acceleratorCounts = new int[n];
        long[] starts = new long[n];
        long[] ends = new long[n];
        double[] utilizations = new double[n];
        double[] measured = new double[n];
        boolean[] biological = new boolean[n];
        double[] operations = new double[n];
        for (int i = 0; i < n; i++) {
            UsageRecord r = records.get(i);
            ids[i] = r.recordId();
            accounts[i] = r.accountId();
            runs[i] = r.runId();
            clusterIds[i] = r.clusterId();
            acceleratorTypes[i] = r.acceleratorType();
            acceleratorCounts[i] = r.acceleratorCount();
            starts[i] = epochMicros(r.start());
            ends[i] = epochMicros(r.end());
            utilizations[i] = r.utilization();
            measured[i] = r.measuredOperations();
            biological[i] = r.biologicalSequenceData();
            operations[i] = r.operations(recordClusters.get(i));
        }
        // Numbers, flags and times (as microseconds since the epoch) travel as binary arrays: no text to format
        // here and to parse in PostgreSQL.
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into usage_record (record_id, account_id, run_id, cluster_id, accelerator_type,
                         accelerator_count, started_at, ended_at, utilization, measured_operations, biological, operations)
                     select r, a, run, cl, t, n, timestamptz 'epoch' + s * interval '1 microsecond',
                            timestamptz 'epoch' + e * interval '1 microsecond', u, m, b, o
                     from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int4[],
                         ?::int8[], ?::int8[], ?::float8[], ?::float8[], ?::bool[], ?::float8[])
                         as x (r, a, run, cl, t, n, s, e, u, m, b, o)
                     order by r
                     on conflict (record_id) do nothing
                     returning record_id""")) {
            PGConnection pg = c.unwrap(PGConnection.class);
            Object[] columns = {ids, accounts, runs, clusterIds, acceleratorTypes, acceleratorCounts, starts, ends,
                    utilizations, measured, biological, operations};
            String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4", "int8", "int8", "float8",
                    "float8", "bool", "float8"};
            for (int col = 0; col < columns.length; col++) {
                insert.setArray(col + 1, pg.createArrayOf(types[col], columns[col]));
            }
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(inserted.getString(1));
                }
            }
        }
        return fresh;
    }

    /** The instant in whole microseconds (PostgreSQL's precision), rounded to the nearest as PostgreSQL would. */
    public static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), (instant.getNano() + 500) / 1000);
    }

    /** Stores the detections (a condition stored before stays as it was). */
    private void storeDetections(List<Detection> detections) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into run_detection (account_id, run_id, trigger, detected_at, operations, threshold,
                         projected_crossing, biological, run_start, last_usage, clusters)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id, run_id, trigger) do nothing""")) {
            for (Detection d : detections) {
                insert.setString(1, d.accountId());
                insert.setString(2, d.runId());
                insert.setString(3, d.trigger().name());
                insert.setTimestamp(4, Timestamp.from(d.detectedAt()));
                insert.setDouble(5, d.operations());
                insert.setDouble(6, d.threshold());
                insert.setTimestamp(7, d.projectedCrossing() == null ? null : Timestamp.from(d.projectedCrossing()));
                insert.setBoolean(8, d.biologicalSequenceData());
                insert.setTimestamp(9, Timestamp.from(d.runStart()));
                insert.setTimestamp(10, Timestamp.from(d.lastUsage()));
                insert.setArray(11, c.createArrayOf("text", d.clusters().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public java.util.Optional<TrainingRunDetector.RunState> run(String accountId, String runId) {
        return runTotals.get(new RunKey(accountId, runId));
    }

    /** A refused record: its position in the batch, its id, the field and the reason. */
    public record Rejected(int index, String recordId, String field, String reason) {
    }

    public record IntakeResult(int received, int accepted, int duplicates, List<Rejected> rejected,
                               List<Detection> detections) {
    }
}
