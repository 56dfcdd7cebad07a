package io.tenantgate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.tenantgate.proto.reporting.v1.RejectedRecord;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The usage load generator against a stand-in ReportUsage server that dedupes by id and refuses zero durations. */
class UsagePhaseTest {

    @Test
    void theStandInAnswersExactlyWhatThePlanExpects() throws Exception {
        StandIn service = new StandIn();
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build().start();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.getPort(),
                InsecureChannelCredentials.create()).build();
        try {
            UsagePhase.Plan plan = new UsagePhase.Plan("test", 20_000, 3, 7, 3, 10, 100, 4, "c", "big",
                    Instant.parse("2026-01-01T00:00:00Z"));
            List<UsagePhase.Probe> probes = new CopyOnWriteArrayList<>();
            UsagePhase.Result result = UsagePhase.run(ReportingServiceGrpc.newStub(channel), plan, probes::add,
                    Duration.ofSeconds(60), line -> { });
            assertTrue(result.exact(), result.summary("test"));
            assertEquals(20_004, result.sent());
            assertEquals(new UsagePhase.Counts(20_004, 20_000 - 2_000 - 200 + 4, 2_000, 200), result.expected());
            assertEquals(4, probes.size());
            double total = 0;
            for (int run = 0; run < plan.runs(); run++) {
                double expected = plan.expectedOperations(run);
                assertEquals(expected, service.operations.getOrDefault(plan.account(run) + "/" + plan.run(run), 0.0),
                        expected * 1e-12);
                total += plan.expectedOperations(run);
            }
            assertEquals((20_000 - 2_000 - 200) * UsagePhase.RECORD_OPERATIONS, total, total * 1e-12);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static final class StandIn extends ReportingServiceGrpc.ReportingServiceImplBase {
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Map<String, Double> operations = new ConcurrentHashMap<>();

        @Override
        public StreamObserver<UsageRecord> reportUsage(StreamObserver<ReportUsageResponse> response) {
            ReportUsageResponse.Builder summary = ReportUsageResponse.newBuilder();
            return new StreamObserver<>() {
                long index;

                @Override
                public void onNext(UsageRecord record) {
                    if (record.getEnd().getSeconds() <= record.getStart().getSeconds()) {
                        summary.addRejected(RejectedRecord.newBuilder().setIndex(index).setField("end"));
                    } else if (!seen.add(record.getRecordId())) {
                        summary.setDuplicates(summary.getDuplicates() + 1);
                    } else {
                        summary.setAccepted(summary.getAccepted() + 1);
                        if (!record.getAccountId().startsWith("probe-")) {
                            operations.merge(record.getAccountId() + "/" + record.getRunId(), record.getMeasuredOperations(), Double::sum);
                        }
                    }
                    index++;
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    response.onNext(summary.setReceived(index).build());
                    response.onCompleted();
                }
            };
        }
    }
}
