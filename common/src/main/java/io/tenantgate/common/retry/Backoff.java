package io.tenantgate.reporting.retry;

import java.time.Duration;

/** Exponential backoff: base, 2 x base, 4 x base, ... capped at max. */
public record Backoff(Duration base, Duration max) {

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
