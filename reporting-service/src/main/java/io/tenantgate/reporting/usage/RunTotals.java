package io.tenantgate.reporting.usage;

import io.agroal.api.AgroalDataSource;
import io.tenantgate.reporting.detection.TrainingRunDetector.Detection;
import io.tenantgate.reporting.detection.TrainingRunDetector.RunState;
import io.tenantgate.reporting.detection.TrainingRunDetector.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The totals of every training run, in {@code run_total}: all of their SQL. Shared by every replica; a batch's
 * additions are one upsert in the caller's transaction.
 */
@ApplicationScoped
public class RunTotals {

    /** Joins a run's cluster ids into one array element; cluster ids hold no control characters. */
    private static final String CLUSTER_SEPARATOR = "\u0001";

    private final AgroalDataSource dataSource;

    public RunTotals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds what a batch brought to each run (in the caller's transaction) and returns every run's totals after
     * the addition. Rows are locked in run order, so two batches touching the same runs wait for each other
     * instead of deadlocking, and each sees the other's addition.
     */
    Map<RunKey, RunState> add(SortedMap<RunKey, RunState> added) throws SQLException {
        Map<RunKey, RunState> totals = new LinkedHashMap<>();
        if (added.isEmpty()) {
            return totals;
        }
        int n = added.size();
        String[] accounts = new String[n];
        String[] runs = new String[n];
        double[] operations = new double[n];
        boolean[] biological = new boolean[n];
        long[] starts = new long[n];
        long[] ends = new long[n];
        String[] clusters = new String[n];
        boolean[] qualifying = new boolean[n];
        int i = 0;
        for (Map.Entry<RunKey, RunState> run : added.entrySet()) {
            RunState state = run.getValue();
            accounts[i] = run.getKey().accountId();
            runs[i] = run.getKey().runId();
            operations[i] = state.operations();
            biological[i] = state.biological();
            starts[i] = UsageIntakeService.epochMicros(state.firstStart());
            ends[i] = UsageIntakeService.epochMicros(state.lastEnd());
            clusters[i] = String.join(CLUSTER_SEPARATOR, state.clusters());
            qualifying[i] = state.onQualifyingCluster();
            i++;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into run_total as t (account_id, run_id, operations, biological, first_start, last_end,
                                                 clusters, on_qualifying_cluster)
                     select a, r, o, b, timestamptz 'epoch' + s * interval '1 microsecond',
                            timestamptz 'epoch' + e * interval '1 microsecond', string_to_array(c, chr(1)), q
                     from unnest(?::varchar[], ?::varchar[], ?::float8[], ?::bool[], ?::int8[], ?::int8[], ?::text[],
                                 ?::bool[]) as x (a, r, o, b, s, e, c, q)
                     order by a, r
                     on conflict (account_id, run_id) do update set
                         operations = t.operations + excluded.operations,
                         biological = t.biological or excluded.biological,
                         first_start = least(t.first_start, excluded.first_start),
                         last_end = greatest(t.last_end, excluded.last_end),
                         clusters = case when excluded.clusters <@ t.clusters then t.clusters
                                         else array(select distinct unnest(t.clusters || excluded.clusters) order by 1) end,
                         on_qualifying_cluster = t.on_qualifying_cluster or excluded.on_qualifying_cluster
                     returning account_id, run_id, operations, biological, first_start, last_end, clusters,
                               on_qualifying_cluster, reported""")) {
            PGConnection pg = c.unwrap(PGConnection.class);
            Object[] columns = {accounts, runs, operations, biological, starts, ends, clusters, qualifying};
            String[] types = {"varchar", "varchar", "float8", "bool", "int8", "int8", "text", "bool"};
            for (int col = 0; col < columns.length; col++) {
                upsert.setArray(col + 1, pg.createArrayOf(types[col], columns[col]));
            }
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    totals.put(new RunKey(rows.getString(1), rows.getString(2)), state(rows));
                }
            }
        }
        return totals;
    }

    /** Notes the conditions as reported (in the caller's transaction, after storing their detections). */
    void markReported(List<Detection> detections) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update run_total set reported = array(select distinct unnest(reported || ?::text[]) order by 1)
                     where account_id = ? and run_id = ?""")) {
            for (Detection d : detections) {
                update.setArray(1, c.createArrayOf("text", new String[] {d.trigger().name()}));
                update.setString(2, d.accountId());
                update.setString(3, d.runId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** A run's totals, if any of its usage was stored. */
    Optional<RunState> get(RunKey run) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select account_id, run_id, operations, biological, first_start, last_end, clusters,
                            on_qualifying_cluster, reported
                     from run_total where account_id = ? and run_id = ?""")) {
            select.setString(1, run.accountId());
            select.setString(2, run.runId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(state(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read run totals: " + e.getMessage(), e);
        }
    }

    private static RunState state(ResultSet row) throws SQLException {
        Set<Trigger> reported = EnumSet.noneOf(Trigger.class);
        for (String trigger : strings(row.getArray(9))) {
            reported.add(Trigger.valueOf(trigger));
        }
        return new RunState(row.getDouble(3), row.getBoolean(4), row.getTimestamp(5).toInstant(),
                row.getTimestamp(6).toInstant(), Set.copyOf(List.of(strings(row.getArray(7)))), row.getBoolean(8),
                Set.copyOf(reported));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
