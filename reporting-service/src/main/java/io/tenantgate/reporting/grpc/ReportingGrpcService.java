package io.tenantgate.reporting.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.proto.reporting.v1.RecordEventsRequest;
import io.tenantgate.proto.reporting.v1.RecordEventsResponse;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import io.tenantgate.reporting.events.ComplianceEvent;
import io.tenantgate.reporting.events.EventIntakeService;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.UUID;

/** gRPC face of reporting-service: compliance events from identity-service, usage from metering. */
@GrpcService
@Blocking
public class ReportingGrpcService extends ReportingServiceGrpc.ReportingServiceImplBase {

    private final EventIntakeService intake;

    public ReportingGrpcService(EventIntakeService intake) {
        this.intake = intake;
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

    @Override
    @RolesAllowed("metering")
    public StreamObserver<UsageRecord> reportUsage(StreamObserver<ReportUsageResponse> response) {
        response.onError(Status.UNIMPLEMENTED
                .withDescription("ReportUsage is not served by this version of reporting-service")
                .asRuntimeException());
        return new StreamObserver<>() {
            @Override
            public void onNext(UsageRecord value) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }
}
