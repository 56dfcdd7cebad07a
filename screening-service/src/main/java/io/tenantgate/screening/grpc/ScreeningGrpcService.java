package io.tenantgate.screening.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.GetListStatusResponse;
import io.tenantgate.proto.screening.v1.ListChange;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import io.tenantgate.proto.screening.v1.WatchListChangesRequest;
import io.tenantgate.screening.lists.ListStatusService;
import io.tenantgate.screening.lists.ListVersion;
import jakarta.annotation.security.RolesAllowed;

import java.time.OffsetDateTime;

/** gRPC face of screening-service; only calling services (identity-service) may use it. */
@GrpcService
@Blocking
@RolesAllowed("identity-service")
public class ScreeningGrpcService extends ScreeningServiceGrpc.ScreeningServiceImplBase {

    private final ListStatusService lists;

    public ScreeningGrpcService(ListStatusService lists) {
        this.lists = lists;
    }

    @Override
    public void getListStatus(GetListStatusRequest request, StreamObserver<GetListStatusResponse> response) {
        GetListStatusResponse.Builder status = GetListStatusResponse.newBuilder();
        for (ListVersion version : lists.activeVersions()) {
            status.addActiveVersions(toProto(version));
            status.setIndexedEntries(status.getIndexedEntries() + version.entryCount);
        }
        response.onNext(status.build());
        response.onCompleted();
    }

    @Override
    public void screen(ScreenRequest request, StreamObserver<ScreenResponse> response) {
        response.onError(notYetServed("Screen"));
    }

    @Override
    public StreamObserver<ScreenBatchRequest> screenBatch(StreamObserver<ScreenBatchResponse> response) {
        response.onError(notYetServed("ScreenBatch"));
        return new StreamObserver<>() {
            @Override
            public void onNext(ScreenBatchRequest value) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    @Override
    public void watchListChanges(WatchListChangesRequest request, StreamObserver<ListChange> response) {
        response.onError(notYetServed("WatchListChanges"));
    }

    /** The matching engine and list ingestion are not deployed in this build; say so plainly. */
    private static RuntimeException notYetServed(String method) {
        return Status.UNIMPLEMENTED.withDescription(method + " is not served by this version of screening-service")
                .asRuntimeException();
    }

    private static io.tenantgate.proto.screening.v1.ListVersion toProto(ListVersion version) {
        return io.tenantgate.proto.screening.v1.ListVersion.newBuilder()
                .setSource(version.source)
                .setVersion(version.version)
                .setChecksum(version.checksum)
                .setEntryCount(version.entryCount)
                .setOrigin(version.origin)
                .setImportedAt(timestamp(version.importedAt))
                .build();
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }
}
