package io.tenantgate.reporting.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.proto.reporting.v1.RecordEventsRequest;
import io.tenantgate.proto.reporting.v1.RecordEventsResponse;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.RejectedRecord;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import io.tenantgate.reporting.usage.UsageIntakeService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** gRPC face of reporting-service: compliance events from identity-service, usage from metering. */
@GrpcService
@Blocking
public class ReportingGrpcService extends ReportingServiceGrpc.ReportingServiceImplBase {

    private static final int CHUNK = 1000;

    private final EventIntakeService intake;
    private final UsageIntakeService usage;

    public ReportingGrpcService(EventIntakeService intake, UsageIntakeService usage) {
        this.intake = intake;
        this.usage = usage;
    }

    @Override
    @RolesAllowed("identity-service")
    public void recordEvents(RecordEventsRequest request, StreamObserver<RecordEventsResponse> response) {
        List<ComplianceEvent> batch;
        try {
            batch = EventMapping.toEntities(request.getEventsList());
        } catch (IllegalArgumentException invalid) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException());
            return;
        }
        EventIntakeService.IntakeResult result = intake.record(batch);
        response.onNext(RecordEventsResponse.newBuilder()
                .addAllRecordedEventIds(result.recorded().stream().map(UUID::toString).toList())
                .addAllDuplicateEventIds(result.duplicates().stream().map(UUID::toString).toList())
                .build());
        response.onCompleted();
    }

    /**
     * Usage as a client stream: records are applied in chunks as they arrive (so detection is current within
     * a chunk), and one summary answers the whole stream. Rejections carry their position on the stream.
     */
    @Override
    @RolesAllowed("metering")
    public StreamObserver<UsageRecord> reportUsage(StreamObserver<ReportUsageResponse> response) {
        return new StreamObserver<>() {
            private final List<io.tenantgate.reporting.detection.UsageRecord> chunk = new ArrayList<>(CHUNK);
            private final ReportUsageResponse.Builder summary = ReportUsageResponse.newBuilder();
            private long received;

            @Override
            public void onNext(UsageRecord record) {
                chunk.add(toRecord(record));
                received++;
                if (chunk.size() == CHUNK) {
                    flush();
                }
            }

            @Override
            public void onError(Throwable failure) {
                flush(); // what arrived before the break is kept; the sender resends, duplicates are ignored
            }

            @Override
            public void onCompleted() {
                flush();
                response.onNext(summary.setReceived(received).build());
                response.onCompleted();
            }

            private void flush() {
                if (chunk.isEmpty()) {
                    return;
                }
                long offset = received - chunk.size();
                UsageIntakeService.IntakeResult result = usage.ingest(List.copyOf(chunk));
                chunk.clear();
                summary.setAccepted(summary.getAccepted() + result.accepted())
                        .setDuplicates(summary.getDuplicates() + result.duplicates());
                result.rejected().forEach(r -> summary.addRejected(RejectedRecord.newBuilder()
                        .setIndex(offset + r.index()).setRecordId(r.recordId() == null ? "" : r.recordId())
                        .setField(r.field()).setReason(r.reason())));
            }
        };
    }

    private static io.tenantgate.reporting.detection.UsageRecord toRecord(UsageRecord r) {
        return new io.tenantgate.reporting.detection.UsageRecord(r.getRecordId(), r.getAccountId(), r.getRunId(),
                r.getClusterId(), r.getAcceleratorType(), r.getAcceleratorCount(),
                r.hasStart() ? Instant.ofEpochSecond(r.getStart().getSeconds(), r.getStart().getNanos()) : null,
                r.hasEnd() ? Instant.ofEpochSecond(r.getEnd().getSeconds(), r.getEnd().getNanos()) : null,
                r.getUtilization(), r.getMeasuredOperations(), r.getBiologicalSequenceData());
    }
}
