package dev.regionless.replication.internal;

import dev.regionless.replication.LinkDelays;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The link delays in force now: the configured ones at start, changed while the region runs by chaos experiments.
 * Kept in memory only; a restarted region starts again from its configuration. Readers see either the old or the
 * new value of a change, never a mix, since {@link LinkDelays} is immutable and replaced whole.
 */
final class LiveDelays {
    private final AtomicReference<LinkDelays> current;

    LiveDelays(LinkDelays initial) {
        this.current = new AtomicReference<>(initial);
    }

    LinkDelays current() {
        return current.get();
    }

    Duration of(String from, String to) {
        return current.get().of(from, to);
    }

    /** Sets the one-way delay from {@code from} to {@code to}. */
    void set(String from, String to, Duration delay) {
        current.updateAndGet(delays -> delays.with(from, to, delay));
    }
}
