package io.tenantgate.identity.client;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.ScreeningService;
import io.tenantgate.proto.screening.v1.WatchListChangesRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Consumer;

/** screening-service's stream of list changes, without gRPC types beyond this package. */
@ApplicationScoped
public class ListChangeFeed implements ListChangeSource {

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);

    private final ScreeningService screening;

    public ListChangeFeed(@GrpcClient("screening") ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public Cancellable subscribe(long afterChangeId, Consumer<ListDelta> onChange, Consumer<Throwable> onEnd) {
        return screening.watchListChanges(WatchListChangesRequest.newBuilder().setAfterChangeId(afterChangeId).build())
                .emitOn(Infrastructure.getDefaultWorkerPool()) // handlers write to the database: not on the event loop
                .subscribe().with(
                        change -> onChange.accept(new ListDelta(change.getChangeId(), change.getVersion().getSource(),
                                change.getVersion().getVersion(),
                                change.getAddedKeysList(), change.getChangedKeysList(), change.getRemovedKeysList())),
                        onEnd::accept,
                        () -> onEnd.accept(null));
    }

    @Override
    public long head() {
        return screening.getListStatus(GetListStatusRequest.getDefaultInstance())
                .await().atMost(STATUS_TIMEOUT).getChangeId();
    }
}
