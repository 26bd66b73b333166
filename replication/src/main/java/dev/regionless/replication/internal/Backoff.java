package dev.regionless.replication.internal;

import java.time.Duration;

/** Waits that double after each failure, from a minimum up to a maximum, and start over after a success. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration current;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.current = min;
    }

    /** The wait before the next attempt; the one after will be twice as long, up to the maximum. */
    Duration next() {
        var wait = current;
        var doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    void reset() {
        current = min;
    }
}
