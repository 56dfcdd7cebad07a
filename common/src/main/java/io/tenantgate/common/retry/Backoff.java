package io.tenantgate.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff: base, 2 x base, 4 x base, ... capped at max. */
public record Backoff(Duration base, Duration max) {

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * A random wait between half of {@link #after(int)} and all of it, so that replicas (or items) that failed
     * together do not all try again at the same moment.
     */
    public Duration jittered(int failures) {
        long millis = after(failures).toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis - millis / 2 + 1));
    }
}
