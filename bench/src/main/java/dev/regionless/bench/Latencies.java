package dev.regionless.bench;

import java.util.Arrays;
import java.util.Locale;

/** Recorded latencies in nanoseconds, and their percentiles. */
final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Adds every latency recorded in {@code other}, so that each client can record alone and be merged after. */
    void addAll(Latencies other) {
        long[] copy;
        int count;
        synchronized (other) {
            copy = other.values;
            count = other.size;
        }
        synchronized (this) {
            for (int i = 0; i < count; i++) {
                add(copy[i]);
            }
        }
    }

    synchronized int count() {
        return size;
    }

    /** The percentile in milliseconds, by nearest rank. */
    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        var sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
    }

    String summary() {
        return String.format(
                Locale.ROOT, "p50 %.3f ms  p99 %.3f ms  (n=%d)", percentileMillis(50), percentileMillis(99), count());
    }
}
