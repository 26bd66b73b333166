package dev.regionless.router.engine;

import java.time.Instant;

/**
 * Events counted over the last ten seconds, in one-second buckets, so that the status shows where traffic goes
 * now rather than since the edge started. Not thread-safe; {@link RegionState} guards it.
 */
final class RecentCount {
    static final int SECONDS = 10;
    private final long[] counts = new long[SECONDS];
    private final long[] bucketSecond = new long[SECONDS];

    void add(Instant now) {
        long second = now.getEpochSecond();
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        if (bucketSecond[slot] != second) {
            bucketSecond[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    long total(Instant now) {
        long second = now.getEpochSecond();
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (second - bucketSecond[i] < SECONDS && bucketSecond[i] <= second) {
                sum += counts[i];
            }
        }
        return sum;
    }
}
