package io.tenantgate.benchmarks;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tenantgate.proto.reporting.v1.ReportUsageResponse;
import io.tenantgate.proto.reporting.v1.ReportingServiceGrpc.ReportingServiceStub;
import io.tenantgate.proto.reporting.v1.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One timed run of usage records over concurrent {@code ReportUsage} client streams. The records are a pure
 * function of their position on the run ({@link Plan}): record i belongs to run {@code i mod runs} and covers
 * hour {@code i / runs} of it; every {@code duplicateEvery}-th record repeats the record before it (same id,
 * same content: a duplicate, whichever of the two arrives first), every {@code badEvery}-th one has no
 * duration (rejected). So the expected counts, and each run's expected operations, are known whatever
 * stream sends which record. Each stream has its own sender thread, which takes the next position and
 * respects gRPC flow control (it waits while the stream is not ready). Probes are extra records, each of a
 * run of its own that crosses the operations threshold in that one record; they are sent at even spacing
 * and handed to a watcher with their send time.
 */
final class UsagePhase {

    /** 8 accelerators of 10^15 op/s for an hour can do 2.88x10^19 operations. */
    static final int ACCELERATORS = 8;
    static final double RECORD_OPERATIONS = 1e19;
    /** A probe's one record: 100,000 accelerators for 30 days (ceiling 2.6x10^26) measured at 1.5x10^26. */
    static final int PROBE_ACCELERATORS = 100_000;
    static final double PROBE_OPERATIONS = 1.5e26;

    enum Kind { GOOD, DUPLICATE, BAD }

    /**
     * What a run sends. {@code base} is the start of every run's first hour; it must lie far enough in the
     * past that the last hour (records / runs hours later) and a probe's 30 days have ended.
     */
    record Plan(String nonce, int records, int streams, int accounts, int runsPerAccount, int duplicateEvery,
                int badEvery, int probes, String clusterId, String probeClusterId, Instant base) {

        Plan {
            if (duplicateEvery < 2 || badEvery < 2) {
                throw new IllegalArgumentException("duplicate and bad spacing must be at least 2");
            }
        }

        int runs() {
            return accounts * runsPerAccount;
        }

        Kind kind(long i) {
            if (i % duplicateEvery == duplicateEvery - 1) {
                return Kind.DUPLICATE;
            }
            return i % badEvery == badEvery / 2 ? Kind.BAD : Kind.GOOD;
        }

        String account(int run) {
            return "acct-" + nonce + "-" + run / runsPerAccount;
        }

        String run(int run) {
            return "run-" + run % runsPerAccount;
        }

        /** The record at position i; a duplicate is the record before it again. */
        UsageRecord record(long i) {
            Kind kind = kind(i);
            long position = kind == Kind.DUPLICATE ? i - 1 : i;
            boolean bad = kind(position) == Kind.BAD;
            int run = (int) (position % runs());
            long startSeconds = base.getEpochSecond() + (position / runs()) * 3600;
            return UsageRecord.newBuilder().setRecordId("u-" + nonce + "-" + position)
                    .setAccountId(account(run)).setRunId(run(run)).setClusterId(clusterId)
                    .setAcceleratorType("H100").setAcceleratorCount(ACCELERATORS)
                    .setStart(Timestamp.newBuilder().setSeconds(startSeconds))
                    .setEnd(Timestamp.newBuilder().setSeconds(bad ? startSeconds : startSeconds + 3600))
                    .setMeasuredOperations(RECORD_OPERATIONS).build();
        }

        /** Position after which probe k is sent. */
        long probeAt(int k) {
            return (long) ((k + 0.5) * records / probes);
        }

        String probeAccount() {
            return "probe-" + nonce;
        }

        UsageRecord probe(int k) {
            long start = base.getEpochSecond();
            return UsageRecord.newBuilder().setRecordId("p-" + nonce + "-" + k).setAccountId(probeAccount())
                    .setRunId("probe-" + k).setClusterId(probeClusterId).setAcceleratorType("H100")
                    .setAcceleratorCount(PROBE_ACCELERATORS)
                    .setStart(Timestamp.newBuilder().setSeconds(start))
                    .setEnd(Timestamp.newBuilder().setSeconds(start + Duration.ofDays(30).toSeconds()))
                    .setMeasuredOperations(PROBE_OPERATIONS).build();
        }

        /** What the service must answer, summed over all streams. */
        Counts expected() {
            long accepted = probes;
            long duplicates = 0;
            long rejected = 0;
            for (long i = 0; i < records; i++) {
                switch (kind(i)) {
                    case GOOD -> accepted++;
                    case BAD -> rejected++;
                    case DUPLICATE -> {
                        if (kind(i - 1) == Kind.BAD) {
                            rejected++;
                        } else {
                            duplicates++;
                        }
                    }
                }
            }
            return new Counts(records + probes, accepted, duplicates, rejected);
        }

        /** The operations the service must have summed for a run once everything is in. */
        double expectedOperations(int run) {
            long good = 0;
            for (long i = run; i < records; i += runs()) {
                if (kind(i) == Kind.GOOD) {
                    good++;
                }
            }
            return good * RECORD_OPERATIONS;
        }
    }

    record Counts(long received, long accepted, long duplicates, long rejected) {
        Counts plus(ReportUsageResponse summary) {
            return new Counts(received + summary.getReceived(), accepted + summary.getAccepted(),
                    duplicates + summary.getDuplicates(), rejected + summary.getRejectedCount());
        }
    }

    /** A probe as sent: its number, run and send time (System.nanoTime). */
    record Probe(int number, String accountId, String runId, long sentAtNanos) {
    }

    private final ReportingServiceStub stub;
    private final Plan plan;
    private final Consumer<Probe> probeWatcher;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final List<ReportUsageResponse> summaries = new ArrayList<>();
    private volatile boolean stopped;

    private UsagePhase(ReportingServiceStub stub, Plan plan, Consumer<Probe> probeWatcher) {
        this.stub = stub;
        this.plan = plan;
        this.probeWatcher = probeWatcher;
    }

    /** Sends the plan's records and waits for every stream's summary or until {@code timeLimit}. */
    static Result run(ReportingServiceStub stub, Plan plan, Consumer<Probe> probeWatcher, Duration timeLimit,
                      Consumer<String> progress) throws InterruptedException {
        UsagePhase phase = new UsagePhase(stub, plan, probeWatcher);
        CountDownLatch finished = new CountDownLatch(plan.streams());
        List<Thread> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < plan.streams(); s++) {
            Stream stream = phase.new Stream(finished);
            Thread sender = new Thread(stream::send, "usage-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        long deadline = start + timeLimit.toNanos();
        long lastSent = 0;
        boolean inTime = false;
        while (System.nanoTime() < deadline) {
            if (finished.await(Math.min(5_000_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                inTime = true;
                break;
            }
            long now = phase.sent.get();
            progress.accept(String.format(Locale.ROOT, "  %,d records sent (%,d/s over the last 5 s)", now,
                    (now - lastSent) / 5));
            lastSent = now;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!inTime) {
            phase.stopped = true;
            phase.countError("time limit reached");
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        }
        Counts answered = new Counts(0, 0, 0, 0);
        synchronized (phase.summaries) {
            for (ReportUsageResponse summary : phase.summaries) {
                answered = answered.plus(summary);
            }
        }
        Map<String, Integer> errorCounts = new TreeMap<>();
        phase.errors.forEach((kind, n) -> errorCounts.put(kind, n.get()));
        return new Result(phase.sent.get(), answered, plan.expected(), errorCounts, elapsed, inTime);
    }

    private void countError(String kind) {
        errors.computeIfAbsent(kind, key -> new AtomicInteger()).incrementAndGet();
    }

    /** One ReportUsage call: its sender runs on its own thread, the summary arrives on gRPC's. */
    private final class Stream implements ClientResponseObserver<UsageRecord, ReportUsageResponse> {

        private final CountDownLatch finished;
        private final Object readiness = new Object();
        private ClientCallStreamObserver<UsageRecord> requests;
        private volatile boolean failed;

        Stream(CountDownLatch finished) {
            this.finished = finished;
            stub.reportUsage(this);
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<UsageRecord> requestStream) {
            this.requests = requestStream;
            requestStream.setOnReadyHandler(() -> {
                synchronized (readiness) {
                    readiness.notifyAll();
                }
            });
        }

        void send() {
            try {
                for (long i = next.getAndIncrement(); i < plan.records() && !failed && !stopped;
                     i = next.getAndIncrement()) {
                    awaitReady();
                    requests.onNext(plan.record(i));
                    sent.incrementAndGet();
                    for (int k = 0; k < plan.probes(); k++) {
                        if (plan.probeAt(k) == i) {
                            UsageRecord probe = plan.probe(k);
                            awaitReady();
                            long sentAt = System.nanoTime();
                            requests.onNext(probe);
                            sent.incrementAndGet();
                            probeWatcher.accept(new Probe(k, probe.getAccountId(), probe.getRunId(), sentAt));
                        }
                    }
                }
                if (stopped) {
                    requests.cancel("time limit reached", null);
                } else if (!failed) {
                    requests.onCompleted();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                requests.cancel("interrupted", null);
            }
        }

        private void awaitReady() throws InterruptedException {
            if (requests.isReady()) {
                return;
            }
            synchronized (readiness) {
                while (!requests.isReady() && !failed && !stopped) {
                    readiness.wait(10);
                }
            }
        }

        @Override
        public void onNext(ReportUsageResponse summary) {
            synchronized (summaries) {
                summaries.add(summary);
            }
        }

        @Override
        public void onError(Throwable failure) {
            failed = true;
            countError("stream failed " + Status.fromThrowable(failure).getCode() + ": "
                    + Status.fromThrowable(failure).getDescription());
            finished.countDown();
        }

        @Override
        public void onCompleted() {
            finished.countDown();
        }
    }

    /** What was sent, what the service answered, what it should have answered. */
    record Result(long sent, Counts answered, Counts expected, Map<String, Integer> errors, Duration elapsed,
                  boolean inTime) {

        boolean exact() {
            return inTime && errors.isEmpty() && answered.equals(expected);
        }

        double receivedPerSecond() {
            return answered.received() / (elapsed.toNanos() / 1e9);
        }

        double acceptedPerSecond() {
            return answered.accepted() / (elapsed.toNanos() / 1e9);
        }

        String summary(String phase) {
            return String.format(Locale.ROOT, "%s: %,d records sent in %.1f s%s; %,.0f records/s received, %,.0f/s accepted%n"
                            + "  answered: %,d received, %,d accepted, %,d duplicates, %,d rejected%n"
                            + "  expected: %,d received, %,d accepted, %,d duplicates, %,d rejected -> %s%n"
                            + "  errors: %s",
                    phase, sent, elapsed.toNanos() / 1e9, inTime ? "" : " (TIME LIMIT REACHED)",
                    receivedPerSecond(), acceptedPerSecond(),
                    answered.received(), answered.accepted(), answered.duplicates(), answered.rejected(),
                    expected.received(), expected.accepted(), expected.duplicates(), expected.rejected(),
                    answered.equals(expected) ? "exact" : "MISMATCH",
                    errors.isEmpty() ? "none" : errors);
        }
    }
}
