package io.tenantgate.reporting.testing;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.GetCipRecordRequest;
import io.tenantgate.proto.identity.v1.IdentityServiceGrpc;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only identity-service: serves GetCipRecord from records the tests register, on this service's own
 * test port. An id marked unavailable answers UNAVAILABLE, as a stopped identity-service would.
 */
@GrpcService
public class FakeIdentityService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private static final Map<String, CipRecord> BY_ID = new ConcurrentHashMap<>();
    private static final Set<String> UNAVAILABLE = ConcurrentHashMap.newKeySet();

    public static void register(CipRecord record) {
        BY_ID.put(record.getCustomerId(), record);
        record.getAccountIdsList().forEach(account -> BY_ID.put(account, record));
    }

    public static void unavailable(String accountOrCustomerId, boolean down) {
        if (down) {
            UNAVAILABLE.add(accountOrCustomerId);
        } else {
            UNAVAILABLE.remove(accountOrCustomerId);
        }
    }

    @Override
    public void getCipRecord(GetCipRecordRequest request, StreamObserver<CipRecord> response) {
        String key = request.getCustomerId().isEmpty() ? request.getAccountId() : request.getCustomerId();
        if (UNAVAILABLE.contains(key)) {
            response.onError(Status.UNAVAILABLE.withDescription("identity-service is down").asRuntimeException());
            return;
        }
        CipRecord record = BY_ID.get(key);
        if (record == null) {
            response.onError(Status.NOT_FOUND.withDescription("no customer " + key).asRuntimeException());
            return;
        }
        response.onNext(record);
        response.onCompleted();
    }
}
