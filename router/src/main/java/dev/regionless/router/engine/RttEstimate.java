package dev.regionless.router.engine;

import java.time.Duration;

/**
 * A smoothed round-trip time (an exponentially weighted moving average, as TCP keeps one), so that one slow
 * measurement does not move traffic. Not thread-safe; {@link RegionState} guards it.
 */
final class RttEstimate {
    private static final double WEIGHT_OF_NEW = 0.3;
    private double smoothedMillis = Double.NaN;
    private double lastMillis = Double.NaN;

    void add(Duration rtt) {
        lastMillis = rtt.toNanos() / 1e6;
        smoothedMillis = Double.isNaN(smoothedMillis)
                ? lastMillis
                : smoothedMillis + WEIGHT_OF_NEW * (lastMillis - smoothedMillis);
    }

    /** The smoothed RTT, 0 until measured (an unmeasured region competes on its configured delay alone). */
    double smoothedMillis() {
        return Double.isNaN(smoothedMillis) ? 0 : smoothedMillis;
    }

    /** The last measurement, NaN before the first. */
    double lastMillis() {
        return lastMillis;
    }
}
