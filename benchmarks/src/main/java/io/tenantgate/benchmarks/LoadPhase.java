package io.tenantgate.benchmarks;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tenantgate.proto.screening.v1.ScreenBatchRequest;
import io.tenantgate.proto.screening.v1.ScreenBatchResponse;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc.ScreeningServiceStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One timed run of a number of parties over concurrent {@code ScreenBatch} streams. Each stream has its own
 * sender thread, which takes the next party to send and waits while the stream has its maximum of requests in
 * flight (unanswered); every answer frees a place. A party's latency is from its send to its answer.
 */
final class LoadPhase {

    private static final long UNANSWERED = -1;

    private final ScreeningServiceStub stub;
    private final List<ScreenRequest> pool;
    private final int parties;
    private final int inFlightPerStream;
    private final AtomicInteger nextParty = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLongArray sentAt;
    private final AtomicLongArray latencyNanos;
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    private LoadPhase(ScreeningServiceStub stub, List<ScreenRequest> pool, int parties, int inFlightPerStream) {
        this.stub = stub;
        this.pool = pool;
        this.parties = parties;
        this.inFlightPerStream = inFlightPerStream;
        this.sentAt = new AtomicLongArray(parties);
        this.latencyNanos = new AtomicLongArray(parties);
        for (int i = 0; i < parties; i++) {
            latencyNanos.set(i, UNANSWERED);
        }
    }

    /**
     * Sends {@code parties} requests, cycling through {@code pool}, and waits for every answer or until
     * {@code timeLimit}; then the channel is shut down, which cancels whatever is still open.
     */
    static Result run(ManagedChannel channel, ScreeningServiceStub stub, List<ScreenRequest> pool, int parties,
                      int streams, int inFlightPerStream, Duration timeLimit) throws InterruptedException {
        LoadPhase phase = new LoadPhase(stub, pool, parties, inFlightPerStream);
        CountDownLatch finished = new CountDownLatch(streams);
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < streams; s++) {
            Stream stream = phase.new Stream(finished);
            Thread sender = new Thread(stream::send, "screen-batch-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        boolean inTime = finished.await(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!inTime) {
            senders.forEach(Thread::interrupt);
            channel.shutdownNow();
            phase.countError("time limit reached");
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        }
        return phase.result(elapsed, inTime);
    }

    private void countError(String kind) {
        errors.computeIfAbsent(kind, key -> new AtomicInteger()).incrementAndGet();
    }

    private Result result(Duration elapsed, boolean inTime) {
        long[] answered = new long[parties];
        int count = 0;
        for (int i = 0; i < parties; i++) {
            long latency = latencyNanos.get(i);
            if (latency != UNANSWERED) {
                answered[count++] = latency;
            }
        }
        long[] sorted = Arrays.copyOf(answered, count);
        Arrays.sort(sorted);
        Map<String, Integer> errorCounts = new TreeMap<>();
        errors.forEach((kind, n) -> errorCounts.put(kind, n.get()));
        return new Result(sent.get(), count, errorCounts, elapsed, inTime, sorted);
    }

    /** One ScreenBatch call: its sender runs on its own thread, its answers arrive on gRPC's. */
    private final class Stream implements ClientResponseObserver<ScreenBatchRequest, ScreenBatchResponse> {

        private final Semaphore inFlight = new Semaphore(inFlightPerStream);
        private final CountDownLatch finished;
        private ClientCallStreamObserver<ScreenBatchRequest> requests;
        private volatile boolean failed;

        Stream(CountDownLatch finished) {
            this.finished = finished;
            stub.screenBatch(this);
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<ScreenBatchRequest> requestStream) {
            this.requests = requestStream;
        }

        void send() {
            try {
                for (int i = nextParty.getAndIncrement(); i < parties && !failed; i = nextParty.getAndIncrement()) {
                    inFlight.acquire();
                    sentAt.set(i, System.nanoTime());
                    requests.onNext(ScreenBatchRequest.newBuilder().setRequestId(Integer.toString(i))
                            .setRequest(pool.get(i % pool.size())).build());
                    sent.incrementAndGet();
                }
                if (!failed) {
                    requests.onCompleted();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onNext(ScreenBatchResponse answer) {
            long now = System.nanoTime();
            int party = Integer.parseInt(answer.getRequestId());
            latencyNanos.set(party, now - sentAt.get(party));
            if (answer.hasError()) {
                countError("answer error " + answer.getError().getCode());
            }
            inFlight.release();
        }

        @Override
        public void onError(Throwable failure) {
            failed = true;
            countError("stream failed " + Status.fromThrowable(failure).getCode());
            inFlight.release(parties);
            finished.countDown();
        }

        @Override
        public void onCompleted() {
            finished.countDown();
        }
    }

    /** Latencies of the answered parties, sorted; errors by kind (answers with an error count as answered). */
    record Result(int sent, int answered, Map<String, Integer> errors, Duration elapsed, boolean inTime,
                  long[] sortedLatencyNanos) {

        int answerErrors() {
            return errors.entrySet().stream().filter(e -> e.getKey().startsWith("answer error"))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        double screenedPerSecond() {
            return (answered - answerErrors()) / (elapsed.toNanos() / 1e9);
        }

        double percentileMillis(double fraction) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(fraction * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, rank)] / 1e6;
        }

        String summary(String phase) {
            return String.format(Locale.ROOT, "%s: %d parties sent, %d answered (%d with an error) in %.1f s%s%n"
                            + "  throughput %.0f parties/s screened; latency per party p50 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  errors: %s",
                    phase, sent, answered, answerErrors(), elapsed.toNanos() / 1e9, inTime ? "" : " (TIME LIMIT REACHED)",
                    screenedPerSecond(), percentileMillis(0.50), percentileMillis(0.99), percentileMillis(1.0),
                    errors.isEmpty() ? "none" : errors);
        }
    }
}
