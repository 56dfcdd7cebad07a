package io.tenantgate.identity.client;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.GetListStatusResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * identity-service's only way to screening-service. Calls carry identity-service's own token
 * (see {@code ServiceTokenInterceptor}); gRPC types stay inside this package.
 */
@ApplicationScoped
public class ScreeningClient {

    private final ScreeningServiceGrpc.ScreeningServiceBlockingStub screening;

    public ScreeningClient(@GrpcClient("screening") ScreeningServiceGrpc.ScreeningServiceBlockingStub screening) {
        this.screening = screening;
    }

    /** The list versions screening-service currently screens against. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = StatusRuntimeException.class)
    public List<ActiveList> activeLists() {
        GetListStatusResponse status = screening.getListStatus(GetListStatusRequest.getDefaultInstance());
        return status.getActiveVersionsList().stream()
                .map(v -> new ActiveList(v.getSource(), v.getVersion(), v.getEntryCount(),
                        Instant.ofEpochSecond(v.getImportedAt().getSeconds(), v.getImportedAt().getNanos())))
                .toList();
    }

    public record ActiveList(String source, long version, int entryCount, Instant importedAt) {
    }
}
