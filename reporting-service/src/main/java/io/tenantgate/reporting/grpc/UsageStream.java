package io.tenantgate.reporting.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.tenantgate.common.grpc.RoleGatedStream;
import io.tenantgate.proto.reporting.v1.RejectedRecord;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import io.tenantgate.reporting.usage.UsageIntakeService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One {@code ReportUsage} stream. Records arrive on the connection's event loop and are gathered into chunks;
 * each chunk is applied by {@link UsageIntakeService#ingest} on a worker thread, one chunk of the stream at a
 * time and in stream order, while the next chunk keeps arriving. A chunk is applied when it is full, or, so
 * that a slow stream's records reach the detector quickly, as soon as the stream's worker is free once the
 * chunk's first record has waited {@link #LINGER_MILLIS}. Flow control bounds what one stream holds: records
 * are requested from the client only while fewer than {@link #BUFFERED} are received and not yet applied.
 * Everything but the ingest runs on the event loop, so the state needs no locks.
 *
 * <p>When the client breaks the stream, what arrived is still applied (the sender resends; duplicates are
 * ignored). When applying a chunk fails, the stream ends with an error; the chunks applied before stay.
 */
final class UsageStream extends RoleGatedStream<UsageRecord, ReportUsageResponse> {

    private static final Logger LOG = Logger.getLogger(UsageStream.class);

    /** Records applied in one transaction. */
    static final int CHUNK = 1_000;
    /**
     * Records one stream holds at most: one chunk being applied and one filling. Everything held waits for the
     * detector, so this bounds how stale detection gets under load (streams x BUFFERED / records per second).
     */
    static final int BUFFERED = 2 * CHUNK;
    /** How long a chunk's first record waits for more before the chunk is applied anyway. */
    static final long LINGER_MILLIS = 50;

    private final UsageIntakeService usage;
    private final Function<UsageRecord, io.tenantgate.reporting.detection.UsageRecord> mapping;
    private final ReportUsageResponse.Builder summary = ReportUsageResponse.newBuilder();
    private final ArrayDeque<Chunk> waiting = new ArrayDeque<>();

    private List<io.tenantgate.reporting.detection.UsageRecord> filling = new ArrayList<>(CHUNK);
    private long fillingOffset;
    private boolean lingered;
    private long lingerTimer = -1;
    private Chunk applying;
    private long received;
    private long requested;
    private int held;
    private boolean halfClosed;

    /** Only a caller with {@code role} is served; nothing is applied for another. */
    UsageStream(UsageIntakeService usage, ServerCallStreamObserver<ReportUsageResponse> response, Context context,
                Function<UsageRecord, io.tenantgate.reporting.detection.UsageRecord> mapping,
                Uni<SecurityIdentity> caller, String role) {
        super("ReportUsage", response, context, caller, role);
        this.usage = usage;
        this.mapping = mapping;
    }

    @Override
    protected void onAuthorized() {
        requestMore();
        applyNext();
    }

    @Override
    public void onNext(UsageRecord record) {
        filling.add(mapping.apply(record));
        received++;
        requested--;
        held++;
        if (filling.size() == 1) {
            lingered = false;
            lingerTimer = context.owner().setTimer(LINGER_MILLIS, id -> {
                lingerTimer = -1;
                lingered = true;
                applyNext();
            });
        }
        if (filling.size() >= CHUNK) {
            seal();
        }
        applyNext();
    }

    @Override
    public void onError(Throwable failure) {
        // The client broke the stream: what arrived is kept; nobody waits for a summary.
        cancelled = true;
        halfClosed = true;
        seal();
        applyNext();
    }

    @Override
    public void onCompleted() {
        halfClosed = true;
        seal();
        applyNext();
    }

    /** Moves the filling chunk to the waiting ones. */
    private void seal() {
        if (lingerTimer >= 0) {
            context.owner().cancelTimer(lingerTimer);
            lingerTimer = -1;
        }
        if (!filling.isEmpty()) {
            waiting.add(new Chunk(fillingOffset, filling));
            fillingOffset = received;
            filling = new ArrayList<>(CHUNK);
        }
    }

    /** Starts applying the next chunk when the stream's worker is free; answers once everything is applied. */
    private void applyNext() {
        if (!authorized || applying != null || ended) {
            return;
        }
        if (waiting.isEmpty() && lingered && !filling.isEmpty()) {
            seal();
        }
        Chunk next = waiting.poll();
        if (next != null) {
            applying = next;
            context.<UsageIntakeService.IntakeResult>executeBlocking(() -> usage.ingest(next.records()), false)
                    .onComplete(result -> applied(next, result));
        } else if (halfClosed && filling.isEmpty()) {
            ended = true;
            if (!cancelled) {
                response.onNext(summary.setReceived(received).build());
                response.onCompleted();
            }
        }
    }

    private void applied(Chunk chunk, AsyncResult<UsageIntakeService.IntakeResult> outcome) {
        applying = null;
        held -= chunk.records().size();
        if (outcome.failed()) {
            LOG.errorf(outcome.cause(), "Usage records %d to %d of a stream could not be applied", chunk.offset(),
                    chunk.offset() + chunk.records().size() - 1);
            ended = true;
            if (!cancelled) {
                response.onError(Status.INTERNAL.withDescription("usage records from position " + chunk.offset()
                        + " on could not be stored; resend them (duplicates are ignored)").asRuntimeException());
            }
            return;
        }
        UsageIntakeService.IntakeResult result = outcome.result();
        summary.setAccepted(summary.getAccepted() + result.accepted())
                .setDuplicates(summary.getDuplicates() + result.duplicates());
        for (UsageIntakeService.Rejected r : result.rejected()) {
            summary.addRejected(RejectedRecord.newBuilder().setIndex(chunk.offset() + r.index())
                    .setRecordId(r.recordId() == null ? "" : r.recordId()).setField(protoFieldName(r.field())).setReason(r.reason()));
        }
        requestMore();
        applyNext();
    }

    /** Asks the client for as many records as fit, in steps of at least half a chunk. */
    private void requestMore() {
        if (!authorized || halfClosed) {
            return;
        }
        long room = BUFFERED - held - requested;
        if (room >= CHUNK / 2) {
            requested += room;
            response.request((int) room);
        }
    }

    private record Chunk(long offset, List<io.tenantgate.reporting.detection.UsageRecord> records) {
    }

    /** A rejected field as the proto names it: {@code clusterId} is {@code cluster_id}. */
    static String protoFieldName(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
