package io.tenantgate.identity.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.GetCipRecordRequest;
import io.tenantgate.proto.identity.v1.IdentityServiceGrpc;
import jakarta.annotation.security.RolesAllowed;

/** gRPC face of identity-service; only reporting-service may read CIP records. */
@GrpcService
@Blocking
@RolesAllowed("reporting-service")
public class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    @Override
    public void getCipRecord(GetCipRecordRequest request, StreamObserver<CipRecord> response) {
        response.onError(Status.UNIMPLEMENTED
                .withDescription("GetCipRecord is not served by this version of identity-service")
                .asRuntimeException());
    }
}
