package dev.regionless.router.engine;

import java.time.Duration;
import java.util.Arrays;

/**
 * A region's round trip as the lowest of the last few measurements: the path's own latency, without the cold
 * starts, queueing or pauses that make single measurements slow (the windowed minimum TCP's BBR keeps for the same
 * reason). Not thread-safe; {@link RegionState} guards it.
 */
final class RttEstimate {
    static final int WINDOW = 8;
    private final double[] window = new double[WINDOW];
    private int count;
    private double lastMillis = Double.NaN;

    RttEstimate() {
        Arrays.fill(window, Double.NaN);
    }

    void add(Duration rtt) {
        lastMillis = rtt.toNanos() / 1e6;
        window[count % WINDOW] = lastMillis;
        count++;
    }

    /** The lowest recent round trip, 0 until measured (an unmeasured region competes on its delay alone). */
    double millis() {
        double lowest = Double.NaN;
        for (var value : window) {
            if (!Double.isNaN(value) && (Double.isNaN(lowest) || value < lowest)) {
                lowest = value;
            }
        }
        return Double.isNaN(lowest) ? 0 : lowest;
    }

    /** The last measurement, NaN before the first. */
    double lastMillis() {
        return lastMillis;
    }
}
