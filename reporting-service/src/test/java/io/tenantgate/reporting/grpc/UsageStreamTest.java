package io.tenantgate.reporting.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.proto.reporting.v1.RejectedRecord;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import io.tenantgate.reporting.clusters.ClusterRegistry;
import io.tenantgate.reporting.detection.TrainingRunDetector;
import io.tenantgate.reporting.usage.UsageIntakeService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ReportUsage stream as the gRPC server drives it (on a Vert.x event loop, records only as requested),
 * against the real intake and database: large streams with duplicates and bad records interleaved, two streams
 * sharing record ids at once, and a slow stream whose records reach the detector before it ends.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class UsageStreamTest {

    private static final Instant START = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Inject
    UsageIntakeService usage;
    @Inject
    ClusterRegistry clusters;
    @Inject
    Vertx vertx;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aLargeStreamWithDuplicatesAndBadRecordsInterleavedIsCountedExactly() throws Exception {
        String cluster = cluster();
        String account = "acct-" + UUID.randomUUID();
        int total = 25_000;
        // Position i: every 7th repeats the record 5 positions earlier (a duplicate, in the same chunk or an earlier
        // one), every 50th has no duration (rejected), the others are new records of one of 10 runs.
        LongFunction<UsageRecord> records = i -> {
            if (i % 7 == 6) {
                return record(account, i - 5, cluster, (i - 5) % 50 == 25 ? 0 : 1);
            }
            return record(account, i, cluster, i % 50 == 25 ? 0 : 1);
        };
        ReportUsageResponse summary = stream(records, total, true).get(120, TimeUnit.SECONDS);

        long bad = 0;
        long duplicates = 0;
        List<Long> badPositions = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long original = i % 7 == 6 ? i - 5 : i;
            boolean isBad = original % 50 == 25;
            if (isBad) {
                bad++;
                badPositions.add(i);
            } else if (original != i) {
                duplicates++;
            }
        }
        assertEquals(total, summary.getReceived());
        assertEquals(duplicates, summary.getDuplicates());
        assertEquals(total - bad - duplicates, summary.getAccepted());
        assertEquals(badPositions, summary.getRejectedList().stream().map(RejectedRecord::getIndex).toList());
        assertTrue(summary.getRejectedList().stream().allMatch(r -> r.getField().equals("end")));

        double operations = 0;
        for (int run = 0; run < 10; run++) {
            operations += usage.run(account, "run-" + run).map(TrainingRunDetector.RunState::operations).orElse(0.0);
        }
        assertEquals((total - bad - duplicates) * 1e18, operations, 1e9);
    }

    @Test
    void twoStreamsSendingTheSameRecordsAtOnceStoreEachOnce() throws Exception {
        String cluster = cluster();
        String account = "acct-" + UUID.randomUUID();
        int total = 12_000;
        // The second stream resends the first one's records in reverse order while the first is still sending.
        CompletableFuture<ReportUsageResponse> forward = stream(i -> record(account, i, cluster, 1), total, true);
        CompletableFuture<ReportUsageResponse> backward = stream(i -> record(account, total - 1 - i, cluster, 1), total, true);
        ReportUsageResponse a = forward.get(120, TimeUnit.SECONDS);
        ReportUsageResponse b = backward.get(120, TimeUnit.SECONDS);

        assertEquals(total, a.getAccepted() + b.getAccepted());
        assertEquals(total, a.getDuplicates() + b.getDuplicates());
        assertEquals(0, a.getRejectedCount() + b.getRejectedCount());
        double operations = 0;
        for (int run = 0; run < 10; run++) {
            operations += usage.run(account, "run-" + run).map(TrainingRunDetector.RunState::operations).orElse(0.0);
        }
        assertEquals(total * 1e18, operations, 1e9);
    }

    @Test
    void aSlowStreamsRecordsReachTheDetectorBeforeItEnds() throws Exception {
        String cluster = cluster();
        String account = "acct-" + UUID.randomUUID();
        // Three records, and the stream stays open: they must not wait for a full chunk or the end.
        stream(i -> record(account, i * 10, cluster, 1), 3, false);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        double seen = 0;
        while (System.nanoTime() < deadline && seen < 3e18) {
            seen = usage.run(account, "run-0").map(TrainingRunDetector.RunState::operations).orElse(0.0);
            Thread.sleep(10);
        }
        assertEquals(3e18, seen, 1e6);
    }

    @Test
    void aCallerWithoutTheMeteringRoleIsRefusedAndNothingIsRead() throws Exception {
        String cluster = cluster();
        String account = "acct-" + UUID.randomUUID();
        CompletableFuture<ReportUsageResponse> refused = stream(i -> record(account, i, cluster, 1), 10, true,
                identity("operator"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
        assertEquals(Status.Code.PERMISSION_DENIED, Status.fromThrowable(failure.getCause()).getCode());
        CompletableFuture<ReportUsageResponse> anonymous = stream(i -> record(account, i, cluster, 1), 10, true,
                QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        failure = assertThrows(ExecutionException.class, () -> anonymous.get(30, TimeUnit.SECONDS));
        assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(failure.getCause()).getCode());
        assertTrue(usage.run(account, "run-0").isEmpty());
    }

    @Test
    void timesAreStoredToTheMicrosecond() throws Exception {
        String cluster = cluster();
        String account = "acct-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-01-02T03:04:05.123456Z");
        Instant end = Instant.parse("2026-01-02T04:04:05.999999Z");
        var record = new io.tenantgate.reporting.detection.UsageRecord(account + "-t", account, "run-t", cluster, null, 8,
                start, end, 0.5, 0, true);
        assertEquals(1, usage.ingest(List.of(record)).accepted());
        try (var c = dataSource.getConnection();
             var select = c.prepareStatement("select started_at, ended_at, accelerator_type, biological, utilization "
                     + "from usage_record where record_id = ?")) {
            select.setString(1, account + "-t");
            try (var row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(start, row.getTimestamp(1).toInstant());
                assertEquals(end, row.getTimestamp(2).toInstant());
                assertEquals(null, row.getString(3));
                assertTrue(row.getBoolean(4));
                assertEquals(0.5, row.getDouble(5));
            }
        }
        assertEquals(1_000_000L, UsageIntakeService.epochMicros(Instant.ofEpochSecond(1)));
        assertEquals(2L, UsageIntakeService.epochMicros(Instant.ofEpochSecond(0, 1_500)));
        assertEquals(-1L, UsageIntakeService.epochMicros(Instant.ofEpochSecond(0, -1_000)));
    }

    /** Drives one stream on an event loop as the gRPC server does: a record only when one was requested. */
    private CompletableFuture<ReportUsageResponse> stream(LongFunction<UsageRecord> records, long total, boolean complete) {
        return stream(records, total, complete, identity("metering"));
    }

    private CompletableFuture<ReportUsageResponse> stream(LongFunction<UsageRecord> records, long total, boolean complete,
                                                          SecurityIdentity caller) {
        CompletableFuture<ReportUsageResponse> answer = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(start -> new Driver(context, records, total, complete, answer, caller).start());
        return answer;
    }

    private static SecurityIdentity identity(String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).addRole(role).build();
    }

    private String cluster() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        clusters.put(id, new ClusterRegistry.ClusterSpec("us-east-1a", "H100", 64, 1e15, 50), null);
        return id;
    }

    /** Record i of an account: run i mod 10, an hour of 8 accelerators, 10^18 operations (or no duration). */
    private static UsageRecord record(String account, long i, String cluster, int hours) {
        long start = START.getEpochSecond() + (i / 10) * 60;
        return UsageRecord.newBuilder().setRecordId(account + "-" + i).setAccountId(account).setRunId("run-" + i % 10)
                .setClusterId(cluster).setAcceleratorType("H100").setAcceleratorCount(8)
                .setStart(Timestamp.newBuilder().setSeconds(start))
                .setEnd(Timestamp.newBuilder().setSeconds(start + hours * 3600L))
                .setMeasuredOperations(1e18).build();
    }

    /** The client side and the server's call in one: sends on request, keeps the summary. */
    private final class Driver extends ServerCallStreamObserver<ReportUsageResponse> {
        private final Context context;
        private final LongFunction<UsageRecord> records;
        private final long total;
        private final boolean complete;
        private final CompletableFuture<ReportUsageResponse> answer;
        private final SecurityIdentity caller;
        private UsageStream stream;
        private long next;
        private long credit;
        private boolean autoRequestDisabled;

        Driver(Context context, LongFunction<UsageRecord> records, long total, boolean complete,
               CompletableFuture<ReportUsageResponse> answer, SecurityIdentity caller) {
            this.caller = caller;
            this.context = context;
            this.records = records;
            this.total = total;
            this.complete = complete;
            this.answer = answer;
        }

        void start() {
            stream = new UsageStream(usage, this, Vertx.currentContext(), ReportingGrpcService::toRecord,
                    Uni.createFrom().item(caller), ReportingGrpcService.METERING);
            if (!autoRequestDisabled) {
                answer.completeExceptionally(new AssertionError("the stream must do its own flow control"));
            }
        }

        @Override
        public void request(int count) {
            credit += count;
            context.runOnContext(v -> pump());
        }

        private void pump() {
            while (credit > 0 && next < total) {
                credit--;
                stream.onNext(records.apply(next++));
            }
            if (next == total && complete) {
                next++;
                stream.onCompleted();
            }
        }

        @Override
        public void disableAutoRequest() {
            autoRequestDisabled = true;
        }

        @Override
        public void disableAutoInboundFlowControl() {
            autoRequestDisabled = true;
        }

        @Override
        public void onNext(ReportUsageResponse value) {
            answer.complete(value);
        }

        @Override
        public void onError(Throwable t) {
            answer.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }
    }
}
