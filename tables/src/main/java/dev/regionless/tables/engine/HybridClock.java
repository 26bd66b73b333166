package dev.regionless.tables.engine;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hybrid logical clock: timestamps that follow the wall clock but never go backwards and always exceed every
 * timestamp this region has seen from others. A write made after observing a replicated write therefore gets a
 * larger timestamp than it, whatever the two regions' wall clocks say, so last-writer-wins keeps causal order.
 *
 * <p>A timestamp is the wall clock in milliseconds shifted left by 16 bits, plus a counter for events within one
 * millisecond (or while the wall clock lags behind what was observed).
 */
public final class HybridClock {
    static final int LOGICAL_BITS = 16;

    private final Clock wallClock;
    private final AtomicLong last = new AtomicLong();

    public HybridClock(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** A timestamp for a local event, greater than every timestamp issued or observed before. */
    public long now() {
        long physical = wallClock.millis() << LOGICAL_BITS;
        return last.accumulateAndGet(physical, (previous, wall) -> Math.max(previous + 1, wall));
    }

    /** The largest timestamp issued or observed so far (0 before the first). */
    public long last() {
        return last.get();
    }

    /** Takes note of a timestamp from another region, so that later local events are ordered after it. */
    public void observe(long remote) {
        last.accumulateAndGet(remote, Math::max);
    }

    /** The wall-clock milliseconds a timestamp was taken at. */
    public static long millisOf(long timestamp) {
        return timestamp >>> LOGICAL_BITS;
    }
}
