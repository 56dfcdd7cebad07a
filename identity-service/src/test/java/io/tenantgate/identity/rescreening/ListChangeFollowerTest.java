package io.tenantgate.identity.rescreening;

import io.smallrye.mutiny.subscription.Cancellable;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.ListChangeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The follower against a change stream that breaks at random moments (fails, ends, or silently stops) while
 * lists change, with taking a change in failing now and then: every change is recorded, in order, none skipped.
 */
class ListChangeFollowerTest {

    private static final int CHANGES = 300;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyChangeIsTakenInInOrderWhateverBreaks(long seed) {
        Random random = new Random(seed);
        UnreliableScreening screening = new UnreliableScreening(random);
        RecordedPosition position = new RecordedPosition(random);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ListChangeFollower follower = new ListChangeFollower(screening, position, timer, Duration.ofMillis(5));
        timer.scheduleWithFixedDelay(() -> screening.publish(1 + random.nextInt(3)), 0, 2, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(follower::check, 20, 20, TimeUnit.MILLISECONDS);
        try {
            follower.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> position.lastTakenIn() >= CHANGES);
        } finally {
            follower.stop();
            timer.shutdownNow();
            screening.close();
        }
        List<Long> recorded = position.recorded();
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(i + 1, recorded.get(i), "change recorded at position " + i + " of " + recorded);
        }
        assertEquals(true, screening.broken() > 10, "the stream broke " + screening.broken() + " times");
    }

    /** What the database holds: each change recorded once (a repeat changes nothing), and failing now and then. */
    private static final class RecordedPosition implements ListChangeFollower.Position {
        private final Random random;
        private final List<Long> recorded = new ArrayList<>();

        RecordedPosition(Random random) {
            this.random = random;
        }

        @Override
        public synchronized long lastTakenIn() {
            return recorded.isEmpty() ? 0 : recorded.stream().mapToLong(Long::longValue).max().getAsLong();
        }

        @Override
        public void takeIn(ListDelta change) {
            boolean fails;
            synchronized (random) {
                fails = random.nextInt(40) == 0;
            }
            if (fails) {
                throw new IllegalStateException("database unavailable (test)");
            }
            synchronized (this) {
                if (!recorded.contains(change.changeId())) {
                    recorded.add(change.changeId());
                }
            }
        }

        synchronized List<Long> recorded() {
            return List.copyOf(recorded);
        }
    }

    /**
     * Changes 1, 2, ... published over time; each stream sends what follows its start, in order, on its own
     * thread, and at random fails, ends, or goes silent for ever. A cancelled stream may still send one change.
     */
    private static final class UnreliableScreening implements ListChangeSource {
        private final Random random;
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong broken = new AtomicLong();
        private final ExecutorService streams = Executors.newCachedThreadPool();

        UnreliableScreening(Random random) {
            this.random = random;
        }

        void publish(int changes) {
            synchronized (head) {
                head.updateAndGet(h -> Math.min(CHANGES, h + changes));
                head.notifyAll();
            }
        }

        /** Blocks until a change after {@code sent} is published (a stream waiting for the next list change). */
        private void awaitChangeAfter(long sent) throws InterruptedException {
            synchronized (head) {
                while (head.get() <= sent) {
                    head.wait();
                }
            }
        }

        long broken() {
            return broken.get();
        }

        void close() {
            streams.shutdownNow();
        }

        @Override
        public long head() {
            return head.get();
        }

        @Override
        public Cancellable subscribe(long afterChangeId, Consumer<ListDelta> onChange, Consumer<Throwable> onEnd) {
            AtomicBoolean cancelled = new AtomicBoolean();
            streams.execute(() -> {
                long sent = afterChangeId;
                while (!Thread.currentThread().isInterrupted()) {
                    int fate;
                    synchronized (random) {
                        fate = random.nextInt(30);
                    }
                    if (fate == 0) {
                        broken.incrementAndGet();
                        onEnd.accept(new IllegalStateException("stream failed (test)"));
                        return;
                    } else if (fate == 1) {
                        broken.incrementAndGet();
                        onEnd.accept(null);
                        return;
                    } else if (fate == 2) {
                        broken.incrementAndGet();
                        return; // silent for ever
                    }
                    if (sent < head.get()) {
                        boolean late = cancelled.get();
                        onChange.accept(change(++sent));
                        if (late) {
                            return;
                        }
                    } else {
                        try {
                            awaitChangeAfter(sent);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }
            });
            return () -> cancelled.set(true);
        }

        private static ListDelta change(long id) {
            return new ListDelta(id, "INTERNAL", id, List.of("INTERNAL:" + id), List.of(), List.of());
        }
    }
}
