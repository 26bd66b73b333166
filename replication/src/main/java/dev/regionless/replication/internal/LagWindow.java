package dev.regionless.replication.internal;

import java.util.Arrays;

/** The replication lags of a link's most recent deliveries, for percentiles: a fixed ring of samples. */
final class LagWindow {
    private final long[] samples;
    private int next;
    private int count;

    LagWindow(int capacity) {
        this.samples = new long[capacity];
    }

    synchronized void add(long lagMillis) {
        samples[next] = Math.max(0, lagMillis);
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** The {@code percentile} (0..100) of the samples held, nearest rank; -1 when there is none. */
    synchronized long percentile(double percentile) {
        if (count == 0) {
            return -1;
        }
        var sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }
}
