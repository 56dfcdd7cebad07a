package io.tenantgate.screening.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tenantgate.common.grpc.RoleGatedStream;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One {@code ScreenBatch} stream. Requests arrive on the connection's event loop and wait there; a worker
 * screens what has arrived, up to {@link #CHUNK} requests, one chunk of the stream at a time, and its answers
 * go back to the event loop in one hop and out in request order. Handing each request to a worker and each
 * answer back on its own cost more CPU than screening a party does. Flow control bounds what one stream holds:
 * requests are asked of the client only while fewer than {@link #BUFFERED} are received and not yet answered.
 * Everything but the screening runs on the event loop, so the state needs no locks.
 */
final class BatchStream extends RoleGatedStream<ScreenBatchRequest, ScreenBatchResponse> {

    private static final Logger LOG = Logger.getLogger(BatchStream.class);

    /** Requests screened by one worker hand-off. */
    static final int CHUNK = 32;
    /** Requests one stream holds at most: one chunk being screened and the next ones arriving. */
    static final int BUFFERED = 4 * CHUNK;

    private final Function<ScreenBatchRequest, ScreenBatchResponse> screening;
    private final ArrayDeque<ScreenBatchRequest> waiting = new ArrayDeque<>();
    private boolean screeningChunk;
    private int held;
    private int requested;
    private boolean halfClosed;

    /** {@code screening} answers one request; it runs on a worker. Only a caller with {@code role} is served. */
    BatchStream(ServerCallStreamObserver<ScreenBatchResponse> response, Context context,
                Function<ScreenBatchRequest, ScreenBatchResponse> screening, Uni<SecurityIdentity> caller, String role) {
        super("ScreenBatch", response, context, caller, role);
        this.screening = screening;
    }

    @Override
    protected void onAuthorized() {
        requestMore();
        screenNext();
    }

    @Override
    public void onNext(ScreenBatchRequest request) {
        waiting.add(request);
        requested--;
        held++;
        screenNext();
    }

    @Override
    public void onError(Throwable failure) {
        // The caller cancelled or broke the stream; nothing is left to answer.
        cancelled = true;
        waiting.clear();
    }

    @Override
    public void onCompleted() {
        halfClosed = true;
        screenNext();
    }

    /** Starts screening what waits when the stream's worker is free; completes once everything is answered. */
    private void screenNext() {
        if (!authorized || screeningChunk || ended) {
            return;
        }
        if (waiting.isEmpty()) {
            if (halfClosed) {
                ended = true;
                if (!cancelled) {
                    response.onCompleted();
                }
            }
            return;
        }
        List<ScreenBatchRequest> chunk = new ArrayList<>(Math.min(CHUNK, waiting.size()));
        while (chunk.size() < CHUNK && !waiting.isEmpty()) {
            chunk.add(waiting.poll());
        }
        screeningChunk = true;
        context.<List<ScreenBatchResponse>>executeBlocking(() -> chunk.stream().map(screening).toList(), false)
                .onComplete(answers -> answered(chunk.size(), answers));
    }

    private void answered(int requests, AsyncResult<List<ScreenBatchResponse>> answers) {
        screeningChunk = false;
        held -= requests;
        if (answers.failed()) {
            LOG.error("A ScreenBatch chunk could not be screened", answers.cause());
            ended = true;
            if (!cancelled) {
                response.onError(Status.INTERNAL.withDescription("screening failed; resend the unanswered requests")
                        .asRuntimeException());
            }
            return;
        }
        if (!cancelled) {
            answers.result().forEach(response::onNext);
        }
        requestMore();
        screenNext();
    }

    /** Asks the client for as many requests as fit, in steps of at least half a chunk. */
    private void requestMore() {
        if (!authorized || halfClosed || cancelled) {
            return;
        }
        int room = BUFFERED - held - requested;
        if (room >= CHUNK / 2) {
            requested += room;
            response.request(room);
        }
    }
}
