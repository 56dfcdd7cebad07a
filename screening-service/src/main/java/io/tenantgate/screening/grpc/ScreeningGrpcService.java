package io.tenantgate.screening.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.proto.screening.v1.BatchError;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.GetListStatusResponse;
import io.tenantgate.proto.screening.v1.ListChange;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import io.tenantgate.proto.screening.v1.WatchListChangesRequest;
import io.tenantgate.screening.index.ActiveIndex;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.lists.ListVersion;
import io.tenantgate.screening.screening.ScreeningOutcome;
import io.tenantgate.screening.screening.ScreeningRequest;
import io.tenantgate.screening.screening.ScreeningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * gRPC face of screening-service; only calling services (identity-service) may use it. Requests are
 * validated exactly as the REST body is, and an invalid request is INVALID_ARGUMENT naming the field.
 */
@GrpcService
@Blocking
@RolesAllowed("identity-service")
public class ScreeningGrpcService extends ScreeningServiceGrpc.ScreeningServiceImplBase {

    private final ScreeningService screening;
    private final ActiveIndex index;
    private final ListChanges changes;
    private final Validator validator;

    public ScreeningGrpcService(ScreeningService screening, ActiveIndex index, ListChanges changes, Validator validator) {
        this.screening = screening;
        this.index = index;
        this.changes = changes;
        this.validator = validator;
    }

    @Override
    public void screen(ScreenRequest request, StreamObserver<ScreenResponse> response) {
        try {
            response.onNext(ProtoMapping.toResponse(screenValid(request)));
            response.onCompleted();
        } catch (InvalidRequest invalid) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(invalid.field + ": " + invalid.getMessage())
                    .asRuntimeException());
        } catch (IllegalStateException notReady) {
            response.onError(Status.UNAVAILABLE.withDescription(notReady.getMessage()).asRuntimeException());
        }
    }

    /** One answer per request, in request order; a bad request gets an error answer and the stream goes on. */
    @Override
    public StreamObserver<ScreenBatchRequest> screenBatch(StreamObserver<ScreenBatchResponse> response) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ScreenBatchRequest request) {
                ScreenBatchResponse.Builder answer = ScreenBatchResponse.newBuilder().setRequestId(request.getRequestId());
                try {
                    answer.setResponse(ProtoMapping.toResponse(screenValid(request.getRequest())));
                } catch (InvalidRequest invalid) {
                    answer.setError(BatchError.newBuilder().setCode("invalid-argument").setField(invalid.field)
                            .setMessage(invalid.getMessage()));
                } catch (IllegalStateException notReady) {
                    answer.setError(BatchError.newBuilder().setCode("unavailable").setMessage(notReady.getMessage()));
                }
                response.onNext(answer.build());
            }

            @Override
            public void onError(Throwable failure) {
                // The caller cancelled or broke the stream; nothing is left to answer.
            }

            @Override
            public void onCompleted() {
                response.onCompleted();
            }
        };
    }

    @Override
    public void getListStatus(GetListStatusRequest request, StreamObserver<GetListStatusResponse> response) {
        if (!index.ready()) {
            response.onError(Status.UNAVAILABLE.withDescription("no restricted-party list is loaded yet").asRuntimeException());
            return;
        }
        ActiveIndex.Snapshot snapshot = index.current();
        GetListStatusResponse.Builder status = GetListStatusResponse.newBuilder()
                .setIndexedEntries(snapshot.engine().entryCount())
                .setLoadedAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(snapshot.loadedAt().getEpochSecond()).setNanos(snapshot.loadedAt().getNano()));
        for (ListVersion v : snapshot.versions()) {
            status.addActiveVersions(ProtoMapping.listVersion(v.source, v.version, v.checksum, v.entryCount, v.origin,
                    v.importedAt));
        }
        response.onNext(status.build());
        response.onCompleted();
    }

    /**
     * Sends the changes after the requested id (or, with none, from now on) as this replica switches to them,
     * until the caller cancels. Every send catches up from the last change sent, under one lock, so changes
     * go out in order, once each, and never before this replica screens with them.
     */
    @Override
    public void watchListChanges(WatchListChangesRequest request, StreamObserver<ListChange> response) {
        ServerCallStreamObserver<ListChange> stream = (ServerCallStreamObserver<ListChange>) response;
        long[] lastSent = {request.getAfterChangeId() > 0 ? request.getAfterChangeId() : index.current().changeId()};
        Runnable catchUp = () -> {
            synchronized (lastSent) {
                long loaded = index.current().changeId();
                for (ListChanges.ListChange change : changes.after(lastSent[0])) {
                    if (stream.isCancelled() || change.id() > loaded) {
                        return;
                    }
                    stream.onNext(ProtoMapping.listChange(change));
                    lastSent[0] = change.id();
                }
            }
        };
        stream.setOnCancelHandler(index.watch(change -> catchUp.run()));
        catchUp.run();
    }

    private ScreeningOutcome screenValid(ScreenRequest request) {
        ScreeningRequest domain = ProtoMapping.toRequest(request);
        Set<ConstraintViolation<ScreeningRequest>> violations = validator.validate(domain);
        if (!violations.isEmpty()) {
            ConstraintViolation<ScreeningRequest> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            throw new InvalidRequest(first.getPropertyPath().toString(), violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        try {
            return screening.screen(domain);
        } catch (ProblemException problem) {
            String field = problem.problem().errors() == null || problem.problem().errors().isEmpty() ? ""
                    : problem.problem().errors().get(0).field();
            throw new InvalidRequest(field, problem.problem().detail());
        }
    }

    /** A request that fails validation, with the first offending field. */
    private static final class InvalidRequest extends RuntimeException {
        private final String field;

        InvalidRequest(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
