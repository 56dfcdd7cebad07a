package io.tenantgate.screening.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.tenantgate.proto.screening.v1.ListChange;
import io.tenantgate.screening.index.ActiveIndex;
import io.tenantgate.screening.lists.ListChanges;

import java.util.List;

/**
 * One follower's WatchListChanges stream. Every send catches up from the last change sent, under one lock, so
 * changes go out in order, once each, and never before this replica has read their entries (so it can screen
 * their delta). A change that cannot be
 * read ends the stream with UNAVAILABLE: the follower resumes from the last change it received.
 */
final class ListChangeStream {

    /** Changes read from the database per round trip while a stream catches up. */
    static final int CATCH_UP_PAGE = 50;

    private final ServerCallStreamObserver<ListChange> stream;
    private final ListChanges changes;
    private final ActiveIndex index;
    private long lastSent;
    private boolean ended;
    private Runnable unwatch = () -> { };

    ListChangeStream(ServerCallStreamObserver<ListChange> stream, ListChanges changes, ActiveIndex index) {
        this.stream = stream;
        this.changes = changes;
        this.index = index;
    }

    synchronized void start(long afterChangeId) {
        lastSent = Math.max(0, afterChangeId);
        unwatch = index.watch(this::catchUp);
        stream.setOnCancelHandler(unwatch);
        catchUp();
    }

    private synchronized void catchUp() {
        try {
            long loaded = index.cataloguedChangeId();
            List<ListChanges.ListChange> page;
            do {
                page = changes.between(lastSent, loaded, CATCH_UP_PAGE);
                for (ListChanges.ListChange change : page) {
                    if (ended || stream.isCancelled()) {
                        return;
                    }
                    stream.onNext(ProtoMapping.listChange(change));
                    lastSent = change.id();
                }
            } while (page.size() == CATCH_UP_PAGE);
        } catch (RuntimeException unreadable) {
            if (!ended && !stream.isCancelled()) {
                ended = true;
                unwatch.run();
                stream.onError(Status.UNAVAILABLE.withDescription("list changes cannot be read now: "
                        + unreadable.getMessage()).asRuntimeException());
            }
        }
    }
}
