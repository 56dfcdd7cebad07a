package io.tenantgate.screening.grpc;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.common.testing.TestRoleSecurity;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.ListChange;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.PartyKind;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import io.tenantgate.proto.screening.v1.WatchListChangesRequest;
import io.tenantgate.screening.lists.ListFeed;
import io.tenantgate.screening.lists.ListImportService;
import io.tenantgate.screening.lists.ListUpload;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gRPC contract of screening-service: Screen, ScreenBatch and WatchListChanges, with role checks. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ScreeningGrpcTest {

    /** A plain channel: the service's own outbound clients would add its service token. */
    private static final ManagedChannel channel = Grpc.newChannelBuilder("localhost:"
                    + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(0),
            InsecureChannelCredentials.create()).build();

    @AfterAll
    static void closeChannel() {
        channel.shutdownNow();
    }

    @Inject
    ListImportService imports;

    private ScreeningServiceGrpc.ScreeningServiceBlockingStub blocking() {
        return ScreeningServiceGrpc.newBlockingStub(channel);
    }

    private ScreeningServiceGrpc.ScreeningServiceStub async() {
        return ScreeningServiceGrpc.newStub(channel);
    }

    @Test
    void identityServiceScreensAListedPerson() {
        ScreenResponse response = as("identity-service", blocking()).screen(request("Nicolas Maduro Moros"));

        assertEquals("SDN:22790", response.getMatches(0).getEntryKey());
        assertTrue(response.getMatches(0).getExplanation().getTokenPairsCount() > 0);
        assertTrue(response.getListVersionsCount() >= 2);
    }

    @Test
    void otherCallersAreRefused() {
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class,
                () -> blocking().screen(request("Nicolas Maduro Moros")));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());

        StatusRuntimeException wrongRole = assertThrows(StatusRuntimeException.class,
                () -> as("onboarding", blocking()).screen(request("Nicolas Maduro Moros")));
        assertEquals(Status.Code.PERMISSION_DENIED, wrongRole.getStatus().getCode());
    }

    @Test
    void anInvalidRequestNamesTheField() {
        StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class,
                () -> as("identity-service", blocking()).screen(request("x".repeat(10_000))));
        assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getStatus().getCode());
        assertTrue(invalid.getStatus().getDescription().startsWith("party.names[0]"), invalid.getStatus().getDescription());
    }

    /**
     * A message may be 4 MiB ({@code tenantgate.grpc.max-message-size}): three are read (and refused for what they
     * say), five are refused unread with RESOURCE_EXHAUSTED, and the service goes on answering.
     */
    @Test
    void aMessageOverTheSizeLimitIsRefusedUnread() {
        StatusRuntimeException large = assertThrows(StatusRuntimeException.class,
                () -> as("identity-service", blocking()).screen(request("x".repeat(3 << 20))));
        assertEquals(Status.Code.INVALID_ARGUMENT, large.getStatus().getCode());
        StatusRuntimeException tooLarge = assertThrows(StatusRuntimeException.class,
                () -> as("identity-service", blocking()).screen(request("x".repeat(5 << 20))));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, tooLarge.getStatus().getCode());
        assertEquals("SDN:22790", as("identity-service", blocking()).screen(request("Nicolas Maduro Moros"))
                .getMatches(0).getEntryKey());
    }

    @Test
    void aBatchAnswersEveryRequestInOrderAndSurvivesABadOne() throws InterruptedException {
        Batch batch = batch("identity-service", List.of(
                ScreenBatchRequest.newBuilder().setRequestId("1").setRequest(request("Nicolas Maduro Moros")).build(),
                ScreenBatchRequest.newBuilder().setRequestId("2").setRequest(ScreenRequest.getDefaultInstance()).build(),
                ScreenBatchRequest.newBuilder().setRequestId("3").setRequest(request("Ingeborg Quastenfeld")).build()));

        assertNull(batch.failure);
        assertEquals(List.of("1", "2", "3"), batch.answers.stream().map(ScreenBatchResponse::getRequestId).toList());
        assertEquals("SDN:22790", batch.answers.get(0).getResponse().getMatches(0).getEntryKey());
        assertEquals("party", batch.answers.get(1).getError().getField());
        assertEquals(0, batch.answers.get(2).getResponse().getMatchesCount());
    }

    /** More requests than a stream holds at once: answered in chunks, all of them, in order. */
    @Test
    void aLongBatchIsAnsweredWholeAndInOrder() throws InterruptedException {
        int count = BatchStream.BUFFERED * 3 + 7;
        List<ScreenBatchRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(ScreenBatchRequest.newBuilder().setRequestId(String.valueOf(i))
                    .setRequest(request(i % 10 == 0 ? "Nicolas Maduro Moros" : "Ingeborg Quastenfeld")).build());
        }

        Batch batch = batch("identity-service", requests);

        assertNull(batch.failure);
        assertEquals(requests.stream().map(ScreenBatchRequest::getRequestId).toList(),
                batch.answers.stream().map(ScreenBatchResponse::getRequestId).toList());
        assertEquals(count / 10 + 1, batch.answers.stream().filter(answer -> answer.getResponse().getMatchesCount() > 0).count());
    }

    @Test
    void aBatchOfAnotherCallerIsRefusedUnanswered() throws InterruptedException {
        List<ScreenBatchRequest> one = List.of(
                ScreenBatchRequest.newBuilder().setRequestId("1").setRequest(request("Nicolas Maduro Moros")).build());

        Batch anonymous = batch(null, one);
        Batch wrongRole = batch("onboarding", one);

        assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(anonymous.failure).getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, Status.fromThrowable(wrongRole.failure).getCode());
        assertEquals(List.of(), anonymous.answers);
        assertEquals(List.of(), wrongRole.answers);
    }

    /** What one ScreenBatch stream answered, and how it ended (null when completed). */
    private record Batch(List<ScreenBatchResponse> answers, Throwable failure) {
    }

    /** Sends the requests on one stream as {@code role} (anonymous when null) and waits for its end. */
    private Batch batch(String role, List<ScreenBatchRequest> requests) throws InterruptedException {
        List<ScreenBatchResponse> answers = new CopyOnWriteArrayList<>();
        Throwable[] failure = new Throwable[1];
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<ScreenBatchRequest> stream = (role == null ? async() : as(role, async())).screenBatch(new StreamObserver<>() {
            @Override
            public void onNext(ScreenBatchResponse value) {
                answers.add(value);
            }

            @Override
            public void onError(Throwable t) {
                failure[0] = t;
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        });
        requests.forEach(stream::onNext);
        stream.onCompleted();
        assertTrue(done.await(60, TimeUnit.SECONDS), "the stream did not end within 60 s");
        return new Batch(List.copyOf(answers), failure[0]);
    }

    @Test
    void watchersReceiveTheDeltaOfANewVersion() throws InterruptedException {
        LinkedBlockingQueue<ListChange> received = watch(listChanges.latestId());
        String key = "w" + UUID.randomUUID().toString().substring(0, 8);
        imports.importList(new ListUpload(ListFeed.INTERNAL, Map.of("file",
                ("key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n" + key
                        + ",Watched Trading " + key + ",,entity,CN,,,,\n").getBytes(StandardCharsets.UTF_8)), "test"));

        ListChange change = received.poll(15, TimeUnit.SECONDS);
        assertNotNull(change, "no change streamed within 15 s");
        assertEquals("INTERNAL", change.getVersion().getSource());
        assertTrue(change.getAddedKeysList().contains("INTERNAL:" + key), change.getAddedKeysList().toString());
    }

    /** A follower that has seen nothing starts at 0 and gets every stored change, so none made before it is lost. */
    @Test
    void aWatchFromZeroReplaysEveryStoredChangeInOrderThenFollows() throws InterruptedException {
        String key = "z" + UUID.randomUUID().toString().substring(0, 8);
        imports.importList(new ListUpload(ListFeed.INTERNAL, Map.of("file",
                ("key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n" + key
                        + ",Replayed Trading " + key + ",,entity,CN,,,,\n").getBytes(StandardCharsets.UTF_8)), "test"));
        long head = listChanges.latestId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("identity-service", blocking()).getListStatus(GetListStatusRequest.getDefaultInstance()).getChangeId() == head);

        LinkedBlockingQueue<ListChange> received = watch(0);
        List<Long> ids = new ArrayList<>();
        List<Long> stored = listChanges.after(0).stream().map(io.tenantgate.screening.lists.ListChanges.ListChange::id).toList();
        while (ids.size() < stored.size()) {
            ListChange change = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(change, "replay stopped after " + ids);
            ids.add(change.getChangeId());
        }
        assertEquals(stored, ids, "every stored change once, oldest first");
        assertTrue(ids.size() > ListChangeStream.CATCH_UP_PAGE || ids.contains(head), ids.toString());
    }

    /**
     * A client may cancel a call as soon as it has the answer, before the trailers that close it arrive. The
     * trailers then meet a stream the client has reset, and that must not end the connection the client's other
     * calls share: a watch kept open on the same channel outlives 1,500 such calls (before the fix, about a hundred
     * ended it).
     */
    @Test
    void callsCancelledOnTheirAnswerLeaveTheConnectionToTheOthers() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                as("identity-service", blocking()).getListStatus(GetListStatusRequest.getDefaultInstance()) != null);
        CompletableFuture<Status> watchEnded = new CompletableFuture<>();
        as("identity-service", async()).watchListChanges(WatchListChangesRequest.newBuilder()
                .setAfterChangeId(Long.MAX_VALUE - 1).build(), new StreamObserver<>() {
            @Override
            public void onNext(ListChange change) {
            }

            @Override
            public void onError(Throwable failure) {
                watchEnded.complete(Status.fromThrowable(failure));
            }

            @Override
            public void onCompleted() {
                watchEnded.complete(Status.OK);
            }
        });
        Metadata identityService = new Metadata();
        identityService.put(TestRoleSecurity.ROLE, "identity-service");
        List<Status> broken = new ArrayList<>();
        for (int i = 0; i < 1500 && !watchEnded.isDone(); i++) {
            ClientCall<GetListStatusRequest, io.tenantgate.proto.screening.v1.GetListStatusResponse> call =
                    channel.newCall(ScreeningServiceGrpc.getGetListStatusMethod(), CallOptions.DEFAULT);
            CompletableFuture<Status> ended = new CompletableFuture<>();
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(io.tenantgate.proto.screening.v1.GetListStatusResponse answer) {
                    call.cancel("answered", null);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    ended.complete(status);
                }
            }, identityService);
            call.request(1);
            call.sendMessage(GetListStatusRequest.getDefaultInstance());
            call.halfClose();
            Status status = ended.orTimeout(10, TimeUnit.SECONDS).join();
            if (status.getCode() != Status.Code.CANCELLED && !status.isOk()) {
                broken.add(status);
            }
        }
        assertFalse(watchEnded.isDone(), () -> "the watch on the same connection ended: " + watchEnded.join());
        assertEquals(List.of(), broken);
    }

    private LinkedBlockingQueue<ListChange> watch(long afterChangeId) {
        LinkedBlockingQueue<ListChange> received = new LinkedBlockingQueue<>();
        as("identity-service", async()).watchListChanges(WatchListChangesRequest.newBuilder()
                .setAfterChangeId(afterChangeId).build(), new StreamObserver<>() {
            @Override
            public void onNext(ListChange change) {
                received.add(change);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        return received;
    }

    @Inject
    io.tenantgate.screening.lists.ListChanges listChanges;

    @Test
    void aChangeIsScreenedAgainstOnlyWhatItAddedOrChanged() throws InterruptedException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String header = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n";
        String kept = "Ostravel Logistics " + tag;
        String edited = "Pyrenox Holdings " + tag;
        String added = "Zerkovia Shipping " + tag;
        imports.importList(new ListUpload(ListFeed.INTERNAL, Map.of("file", (header
                + "k-" + tag + "," + kept + ",,entity,CN,,,,\n"
                + "e-" + tag + "," + edited + ",,entity,CN,,,,\n").getBytes(StandardCharsets.UTF_8)), "test"));
        imports.importList(new ListUpload(ListFeed.INTERNAL, Map.of("file", (header
                + "k-" + tag + "," + kept + ",,entity,CN,,,,\n"
                + "e-" + tag + "," + edited + ",,entity,CN,,,,now on the list for another reason\n"
                + "a-" + tag + "," + added + ",,entity,CN,,,,\n").getBytes(StandardCharsets.UTF_8)), "test"));
        long change = listChanges.latestId();

        List<io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse> answers = againstChange("identity-service",
                io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest.newBuilder().setChangeId(change).setBatchId("b1")
                        .addSubjects(subject("case-added", "customer", added))
                        .addSubjects(subject("case-kept", "customer", kept))
                        .addSubjects(io.tenantgate.proto.screening.v1.ChangeSubject.newBuilder().setSubjectId("case-owner")
                                .addParties(party("customer", "Ingeborg Quastenfeld"))
                                .addParties(party("customer/owner0", edited)))
                        .addSubjects(subject("case-clean", "customer", "Nicolas Maduro Moros"))
                        .build());

        assertEquals(1, answers.size());
        var answer = answers.get(0);
        assertEquals("b1", answer.getBatchId());
        assertEquals(2, answer.getScreenedEntries());
        Map<String, List<String>> matched = new java.util.TreeMap<>();
        answer.getMatchedList().forEach(m -> matched.put(m.getSubjectId(),
                m.getMatchesList().stream().map(x -> x.getPartyReference() + "=" + x.getEntryKey()).toList()));
        assertEquals(Map.of("case-added", List.of("customer=INTERNAL:a-" + tag),
                "case-owner", List.of("customer/owner0=INTERNAL:e-" + tag)), matched,
                "an unchanged entry (and an entry of another list) is not screened against the change");
    }

    @Test
    void anUnknownChangeOrAnotherCallerIsRefused() {
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> againstChange("identity-service",
                io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest.newBuilder().setChangeId(0).setBatchId("b")
                        .addSubjects(subject("s", "customer", "Anyone")).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        StatusRuntimeException notYet = assertThrows(StatusRuntimeException.class, () -> againstChange("identity-service",
                io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest.newBuilder().setChangeId(Long.MAX_VALUE)
                        .setBatchId("b").addSubjects(subject("s", "customer", "Anyone")).build()));
        assertEquals(Status.Code.UNAVAILABLE, notYet.getStatus().getCode());
        // Another role is refused at once, with nothing answered (it once stayed open until the caller's deadline).
        List<io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse> answers = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Throwable> ended = new java.util.concurrent.CompletableFuture<>();
        StreamObserver<io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest> requests = as("onboarding", async())
                .screenAgainstChange(new StreamObserver<>() {
                    @Override
                    public void onNext(io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse value) {
                        answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
        requests.onNext(io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest.newBuilder()
                .setChangeId(listChanges.latestId()).setBatchId("b").addSubjects(subject("s", "customer", "Anyone")).build());
        requests.onCompleted();
        Throwable outcome = ended.orTimeout(10, TimeUnit.SECONDS).join();
        assertTrue(answers.isEmpty(), "another role was answered");
        assertEquals(Status.Code.PERMISSION_DENIED, Status.fromThrowable(outcome).getCode());
    }

    /** Sends one batch, waiting (up to 20 s) for a replica that has not loaded the change yet. */
    private List<io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse> againstChange(String role,
            io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest request) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return sendAgainstChange(role, request);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || request.getChangeId() == Long.MAX_VALUE
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    private List<io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse> sendAgainstChange(String role,
            io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest request) {
        List<io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse> answers = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        StreamObserver<io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest> requests = as(role, async())
                .screenAgainstChange(new StreamObserver<>() {
                    @Override
                    public void onNext(io.tenantgate.proto.screening.v1.ScreenAgainstChangeResponse value) {
                        answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        requests.onNext(request);
        requests.onCompleted();
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (StatusRuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return answers;
    }

    private static io.tenantgate.proto.screening.v1.ChangeSubject subject(String id, String reference, String name) {
        return io.tenantgate.proto.screening.v1.ChangeSubject.newBuilder().setSubjectId(id)
                .addParties(party(reference, name)).build();
    }

    private static Party party(String reference, String name) {
        return Party.newBuilder().setReference(reference).setKind(PartyKind.PARTY_KIND_ORGANIZATION).addNames(name)
                .addCountries("CN").build();
    }

    private static ScreenRequest request(String name) {
        return ScreenRequest.newBuilder()
                .setParty(Party.newBuilder().setKind(PartyKind.PARTY_KIND_PERSON).addNames(name))
                .build();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(String role, S stub) {
        Metadata headers = new Metadata();
        headers.put(TestRoleSecurity.ROLE, role);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
