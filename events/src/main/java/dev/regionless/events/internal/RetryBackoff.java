package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Exponential backoff between invocations of a failing batch: {@code first}, then doubling, never above {@code max}.
 */
public record RetryBackoff(Duration first, Duration max) {
    public RetryBackoff {
        requireNonNull(first, "first");
        requireNonNull(max, "max");
    }

    /** The wait after {@code failures} consecutive failures (1 for the first). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " (expected: >= 1)");
        }
        // Past 2^30 the doubling has long passed any sensible maximum; stop before it overflows.
        int doublings = Math.min(failures - 1, 30);
        var delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
