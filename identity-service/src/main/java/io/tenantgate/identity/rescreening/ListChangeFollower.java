package io.tenantgate.identity.rescreening;

import io.smallrye.mutiny.subscription.Cancellable;
import io.tenantgate.identity.cases.ListDelta;
import io.tenantgate.identity.client.ListChangeSource;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows screening-service's list changes without a gap. Where it is lives in the database: the newest change
 * taken in. Every subscription (the first, and again after any break or restart) resumes right after it, so a
 * follower that has taken nothing in starts at 0, which replays every stored change: no change made before it
 * subscribed, or while its stream was down, is skipped. Changes are taken in one at a time, in order, and only
 * from the current subscription, so what is recorded is always every change up to the newest one.
 * <p>
 * A stream can also stop without ending (a stuck connection, a replica that stopped sending). {@link #check()}
 * compares the position with the newest change screening-service screens with; behind twice in a row with no
 * progress between, the stream is opened again.
 */
final class ListChangeFollower {

    private static final Logger LOG = Logger.getLogger(ListChangeFollower.class);

    /** The follower's records: where it is, and taking in one change (idempotent, in its own transaction). */
    interface Position {
        long lastTakenIn();

        void takeIn(ListDelta change);
    }

    private final ListChangeSource source;
    private final Position position;
    private final ScheduledExecutorService timer;
    private final Duration retryDelay;
    private final Object takingIn = new Object();
    private Cancellable subscription;
    private long generation;
    private long behindAt = -1;
    private boolean stopped;

    ListChangeFollower(ListChangeSource source, Position position, ScheduledExecutorService timer, Duration retryDelay) {
        this.source = source;
        this.position = position;
        this.timer = timer;
        this.retryDelay = retryDelay;
    }

    synchronized void start() {
        subscribe();
    }

    synchronized void stop() {
        stopped = true;
        cancel();
    }

    /** Opens the stream again when it is behind screening-service and did not move since the last check. */
    void check() {
        long head;
        long taken;
        try {
            head = source.head();
            taken = position.lastTakenIn();
        } catch (RuntimeException unknown) {
            LOG.debugf("List change position not checked: %s", unknown.getMessage());
            return;
        }
        synchronized (this) {
            if (head <= taken) {
                behindAt = -1;
            } else if (behindAt == taken) {
                LOG.warnf("List change stream stalled at change %d while screening-service is at %d; following again",
                        taken, head);
                behindAt = -1;
                cancel();
                subscribe();
            } else {
                behindAt = taken;
            }
        }
    }

    private synchronized void subscribe() {
        if (stopped) {
            return;
        }
        long mine = ++generation;
        long after;
        try {
            after = position.lastTakenIn();
        } catch (RuntimeException unreadable) {
            retryLater(mine, unreadable);
            return;
        }
        LOG.debugf("Following list changes after change %d", after);
        subscription = source.subscribe(after, change -> takeIn(mine, change), failure -> ended(mine, failure));
    }

    private void takeIn(long streamGeneration, ListDelta change) {
        synchronized (takingIn) {
            synchronized (this) {
                if (streamGeneration != generation || stopped) {
                    return; // a stream given up on: its changes come again on the current one
                }
            }
            try {
                position.takeIn(change);
            } catch (RuntimeException failed) {
                ended(streamGeneration, failed); // not recorded: the next subscription starts before it
            }
        }
    }

    private synchronized void ended(long streamGeneration, Throwable failure) {
        if (streamGeneration != generation || stopped) {
            return;
        }
        cancel();
        retryLater(++generation, failure);
    }

    private void retryLater(long failedGeneration, Throwable failure) {
        LOG.debugf("List change stream ended (%s); following again in %d ms", failure, retryDelay.toMillis());
        timer.schedule(() -> {
            synchronized (this) {
                if (failedGeneration == generation) {
                    subscribe();
                }
            }
        }, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }
}
