package io.tenantgate.reporting.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.common.grpc.EventLoopAnswers;
import io.tenantgate.proto.reporting.v1.RecordEventsRequest;
import io.tenantgate.proto.reporting.v1.RecordEventsResponse;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.RejectedRecord;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import io.tenantgate.reporting.usage.UsageIntakeService;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** gRPC face of reporting-service: compliance events from identity-service, usage from metering. */
@GrpcService
public class ReportingGrpcService extends ReportingServiceGrpc.ReportingServiceImplBase {

    /** The role of the provider's usage metering, the one caller of ReportUsage. */
    static final String METERING = "metering";

    private final EventIntakeService intake;
    private final UsageIntakeService usage;
    private final CurrentIdentityAssociation identity;

    public ReportingGrpcService(EventIntakeService intake, UsageIntakeService usage, CurrentIdentityAssociation identity) {
        this.intake = intake;
        this.usage = usage;
        this.identity = identity;
    }

    @Override
    @Blocking
    @RolesAllowed("identity-service")
    public void recordEvents(RecordEventsRequest request, StreamObserver<RecordEventsResponse> call) {
        StreamObserver<RecordEventsResponse> response = EventLoopAnswers.of(call);
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
     * Usage as a client stream, received on the event loop and applied in chunks on a worker (see
     * {@link UsageStream}): one chunk of the stream is stored while the next one arrives, and one summary answers
     * the whole stream. Rejections carry their position on the stream.
     */
    @Override
    public StreamObserver<UsageRecord> reportUsage(StreamObserver<ReportUsageResponse> response) {
        // Not @RolesAllowed("metering"): that check resolves the caller by blocking, and this method runs on the
        // event loop so that records are gathered without a thread hop each. UsageStream makes the same check
        // without blocking, and requests no record before the caller is known to have the role.
        return new UsageStream(usage, (ServerCallStreamObserver<ReportUsageResponse>) response, Vertx.currentContext(),
                ReportingGrpcService::toRecord, identity.getDeferredIdentity(), METERING);
    }

    static io.tenantgate.reporting.detection.UsageRecord toRecord(UsageRecord r) {
        return new io.tenantgate.reporting.detection.UsageRecord(r.getRecordId(), r.getAccountId(), r.getRunId(),
                r.getClusterId(), r.getAcceleratorType(), r.getAcceleratorCount(),
                r.hasStart() ? Instant.ofEpochSecond(r.getStart().getSeconds(), r.getStart().getNanos()) : null,
                r.hasEnd() ? Instant.ofEpochSecond(r.getEnd().getSeconds(), r.getEnd().getNanos()) : null,
                r.getUtilization(), r.getMeasuredOperations(), r.getBiologicalSequenceData());
    }
}
