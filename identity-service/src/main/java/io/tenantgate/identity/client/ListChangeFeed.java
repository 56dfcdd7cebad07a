package io.tenantgate.identity.client;

import io.quarkus.grpc.GrpcClient;
import io.tenantgate.proto.screening.v1.ScreeningService;
import io.tenantgate.proto.screening.v1.WatchListChangesRequest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Consumer;

/** screening-service's stream of list changes, without gRPC types beyond this package. */
@ApplicationScoped
public class ListChangeFeed {

    private final ScreeningService screening;

    public ListChangeFeed(@GrpcClient("screening") ScreeningService screening) {
        this.screening = screening;
    }

    /**
     * Subscribes from the given change id (0: from now on). {@code onEnd} runs when the stream ends or
     * fails (with the failure, or null), so the caller can subscribe again.
     */
    public void subscribe(long afterChangeId, Consumer<Change> onChange, Consumer<Throwable> onEnd) {
        screening.watchListChanges(WatchListChangesRequest.newBuilder().setAfterChangeId(afterChangeId).build())
                .emitOn(Infrastructure.getDefaultWorkerPool()) // handlers write to the database: not on the event loop
                .subscribe().with(
                        change -> onChange.accept(new Change(change.getChangeId(), change.getVersion().getSource(),
                                change.getVersion().getVersion(),
                                change.getAddedKeysList(), change.getChangedKeysList(), change.getRemovedKeysList())),
                        onEnd::accept,
                        () -> onEnd.accept(null));
    }

    /** A new list version's delta. */
    public record Change(long id, String source, long version, List<String> added, List<String> changed, List<String> removed) {
    }
}
