package io.tenantgate.screening.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.common.grpc.EventLoopAnswers;
import io.tenantgate.common.grpc.RoleGatedStream;
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
import io.tenantgate.proto.screening.v1.ChangeSubject;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest;
import io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse;
import io.tenantgate.proto.screening.v1.SubjectMatches;
import io.tenantgate.screening.index.ActiveIndex;
import io.tenantgate.screening.index.ChangeIndexes;
import io.tenantgate.screening.lists.ListChanges;
import io.tenantgate.screening.lists.ListVersion;
import io.tenantgate.screening.screening.ScreeningOutcome;
import io.tenantgate.screening.screening.ScreeningService;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;

/**
 * gRPC face of screening-service; only calling services (identity-service) may use it. Requests are
 * validated exactly as the REST body is (by the service), and an invalid request is INVALID_ARGUMENT naming
 * the first bad field.
 */
@GrpcService
public class ScreeningGrpcService extends ScreeningServiceGrpc.ScreeningServiceImplBase {

    /** The one calling service. */
    static final String CALLER = "identity-service";

    private final ScreeningService screening;
    private final ActiveIndex index;
    private final ListChanges changes;
    private final ChangeIndexes changeIndexes;
    private final CurrentIdentityAssociation identity;

    public ScreeningGrpcService(ScreeningService screening, ActiveIndex index, ListChanges changes,
                                ChangeIndexes changeIndexes, CurrentIdentityAssociation identity) {
        this.screening = screening;
        this.identity = identity;
        this.changeIndexes = changeIndexes;
        this.index = index;
        this.changes = changes;
    }

    @Override
    @Blocking
    @RolesAllowed(CALLER)
    public void screen(ScreenRequest request, StreamObserver<ScreenResponse> call) {
        StreamObserver<ScreenResponse> response = EventLoopAnswers.of(call);
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

    /**
     * One answer per request, in request order; a bad request gets an error answer and the stream goes on.
     * Not {@code @RolesAllowed}: that check resolves the caller by blocking, and this method runs on the event
     * loop so that requests reach the workers in chunks (see {@link BatchStream}), which makes the same check
     * without blocking and asks for no request before the caller is known to have the role.
     */
    @Override
    public StreamObserver<ScreenBatchRequest> screenBatch(StreamObserver<ScreenBatchResponse> response) {
        return new BatchStream((ServerCallStreamObserver<ScreenBatchResponse>) response, Vertx.currentContext(),
                this::answer, identity.getDeferredIdentity(), CALLER);
    }

    private ScreenBatchResponse answer(ScreenBatchRequest request) {
        ScreenBatchResponse.Builder answer = ScreenBatchResponse.newBuilder().setRequestId(request.getRequestId());
        try {
            answer.setResponse(ProtoMapping.toResponse(screenValid(request.getRequest())));
        } catch (InvalidRequest invalid) {
            answer.setError(BatchError.newBuilder().setCode("invalid-argument").setField(invalid.field)
                    .setMessage(invalid.getMessage()));
        } catch (IllegalStateException notReady) {
            answer.setError(BatchError.newBuilder().setCode("unavailable").setMessage(notReady.getMessage()));
        }
        return answer.build();
    }

    @Override
    @Blocking
    @RolesAllowed(CALLER)
    public void getListStatus(GetListStatusRequest request, StreamObserver<GetListStatusResponse> call) {
        StreamObserver<GetListStatusResponse> response = EventLoopAnswers.of(call);
        if (!index.ready()) {
            response.onError(Status.UNAVAILABLE.withDescription("no restricted-party list is loaded yet").asRuntimeException());
            return;
        }
        ActiveIndex.Snapshot snapshot = index.current();
        GetListStatusResponse.Builder status = GetListStatusResponse.newBuilder()
                .setIndexedEntries(snapshot.engine().entryCount())
                .setChangeId(snapshot.changeId())
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
     * Sends the changes after the requested id (0: every stored change) as this replica switches to them, until
     * the caller cancels; see {@link ListChangeStream}.
     */
    @Override
    @Blocking
    @RolesAllowed(CALLER)
    public void watchListChanges(WatchListChangesRequest request, StreamObserver<ListChange> response) {
        new ListChangeStream(EventLoopAnswers.of(response), changes, index)
                .start(request.getAfterChangeId());
    }

    static final int MAX_SUBJECTS = 1000;
    static final int MAX_PARTIES_PER_SUBJECT = 200;

    /**
     * Screens each batch's parties against only the entries the named change added or changed. One answer per
     * batch, naming only the subjects that matched. A change this replica does not screen with yet fails the
     * stream with UNAVAILABLE, an unknown one with NOT_FOUND, a malformed batch with INVALID_ARGUMENT.
     */
    @Override
    @Blocking
    public StreamObserver<ScreenAgainstChangeRequest> screenAgainstChange(StreamObserver<ScreenAgainstChangeResponse> call) {
        StreamObserver<ScreenAgainstChangeResponse> response = EventLoopAnswers.of(call);
        // Not @RolesAllowed: on a bidirectional stream its refusal is lost and the call stays open until the
        // caller's deadline; checked here instead (a worker thread, where resolving the caller may block).
        Status refusal;
        try {
            refusal = RoleGatedStream.refusal(identity.getIdentity(), CALLER);
        } catch (AuthenticationFailedException notGenuine) {
            refusal = Status.UNAUTHENTICATED;
        }
        if (refusal != null) {
            response.onError(refusal.withDescription("ScreenAgainstChange needs the " + CALLER + " role").asRuntimeException());
            return new StreamObserver<>() {
                @Override
                public void onNext(ScreenAgainstChangeRequest ignored) {
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onCompleted() {
                }
            };
        }
        return new StreamObserver<>() {
            private ChangeIndexes.ChangeIndex delta;
            private boolean failed;

            @Override
            public void onNext(ScreenAgainstChangeRequest request) {
                if (failed) {
                    return;
                }
                try {
                    if (delta == null || delta.changeId() != request.getChangeId()) {
                        delta = changeIndexes.forChange(request.getChangeId());
                    }
                    response.onNext(againstChange(delta, request));
                } catch (InvalidRequest invalid) {
                    fail(Status.INVALID_ARGUMENT.withDescription(invalid.field + ": " + invalid.getMessage()));
                } catch (java.util.NoSuchElementException unknown) {
                    fail(Status.NOT_FOUND.withDescription(unknown.getMessage()));
                } catch (IllegalStateException notReady) {
                    fail(Status.UNAVAILABLE.withDescription(notReady.getMessage()));
                }
            }

            private void fail(Status status) {
                failed = true;
                response.onError(status.asRuntimeException());
            }

            @Override
            public void onError(Throwable failure) {
                // The caller cancelled or broke the stream; nothing is left to answer.
            }

            @Override
            public void onCompleted() {
                if (!failed) {
                    response.onCompleted();
                }
            }
        };
    }

    private ScreenAgainstChangeResponse againstChange(ChangeIndexes.ChangeIndex delta, ScreenAgainstChangeRequest request) {
        double minScore = request.getMinScore();
        if (minScore < 0 || minScore > 1) {
            throw new InvalidRequest("min_score", "must be between 0 and 1");
        }
        if (request.getSubjectsCount() > MAX_SUBJECTS) {
            throw new InvalidRequest("subjects", "at most " + MAX_SUBJECTS + " subjects per request");
        }
        double threshold = minScore == 0 ? screening.defaultThreshold() : minScore;
        ScreenAgainstChangeResponse.Builder answer = ScreenAgainstChangeResponse.newBuilder()
                .setBatchId(request.getBatchId()).setScreenedEntries(delta.entryCount()).setThreshold(threshold);
        for (int s = 0; s < request.getSubjectsCount(); s++) {
            ChangeSubject subject = request.getSubjects(s);
            String path = "subjects[" + s + "]";
            if (subject.getSubjectId().isEmpty() || subject.getSubjectId().length() > 128) {
                throw new InvalidRequest(path + ".subject_id", "1 to 128 characters");
            }
            if (subject.getPartiesCount() > MAX_PARTIES_PER_SUBJECT) {
                throw new InvalidRequest(path + ".parties", "at most " + MAX_PARTIES_PER_SUBJECT + " parties per subject");
            }
            SubjectMatches.Builder matched = null;
            for (int p = 0; p < subject.getPartiesCount(); p++) {
                Party party = subject.getParties(p);
                checkNames(party, path + ".parties[" + p + "]");
                if (delta.engine() == null) {
                    continue;
                }
                String reference = party.getReference().isEmpty() ? "party" + p : party.getReference();
                for (ScreeningOutcome.PartyMatch match : screening.screenAlone(delta.engine(), reference,
                        ProtoMapping.toParty(party), threshold)) {
                    if (matched == null) {
                        matched = SubjectMatches.newBuilder().setSubjectId(subject.getSubjectId());
                    }
                    matched.addMatches(ProtoMapping.match(match));
                }
            }
            if (matched != null) {
                answer.addMatched(matched);
            }
        }
        return answer.build();
    }

    /** The limits of Screen's parties that matter to screening a party alone: its names. */
    private static void checkNames(Party party, String path) {
        if (party.getNamesCount() == 0 || party.getNamesCount() > 20) {
            throw new InvalidRequest(path + ".names", "1 to 20 names");
        }
        for (int n = 0; n < party.getNamesCount(); n++) {
            String name = party.getNames(n);
            if (name.isBlank() || name.length() > 300) {
                throw new InvalidRequest(path + ".names[" + n + "]", "1 to 300 characters, not blank");
            }
        }
    }

    private ScreeningOutcome screenValid(ScreenRequest request) {
        try {
            return screening.screen(ProtoMapping.toRequest(request));
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
