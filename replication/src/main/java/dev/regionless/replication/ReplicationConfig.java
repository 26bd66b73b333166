package dev.regionless.replication;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a region's replication.
 *
 * @param region this region's name
 * @param stateFolder where the link cursors are kept (a folder of the region's data)
 * @param clock the region's time source: creation times of changes, link delays, lag and the tombstone grace
 *     period are read on it
 * @param delays the one-way delay of each link
 * @param maxBatchRecords the most changes one request carries (1..10,000)
 * @param maxBatchBytes the most item bytes one request carries, roughly (at least 64 KiB)
 * @param idleRecheck how often an idle link looks for changes it was not woken for, and how often the set of links
 *     is compared with the tables' replicas
 * @param minBackoff the first wait after a failed shipment
 * @param maxBackoff the longest wait between attempts while a peer is unreachable
 * @param tombstoneGrace how long a deleted item's tombstone is kept at least, even once every replica has the
 *     delete
 * @param tombstoneInterval how often this region tries to collect the tombstones of its global tables
 */
public record ReplicationConfig(
        String region,
        Path stateFolder,
        Clock clock,
        LinkDelays delays,
        int maxBatchRecords,
        int maxBatchBytes,
        Duration idleRecheck,
        Duration minBackoff,
        Duration maxBackoff,
        Duration tombstoneGrace,
        Duration tombstoneInterval) {

    public ReplicationConfig {
        requireNonNull(region, "region");
        requireNonNull(stateFolder, "stateFolder");
        requireNonNull(clock, "clock");
        requireNonNull(delays, "delays");
        requireNonNull(idleRecheck, "idleRecheck");
        requireNonNull(minBackoff, "minBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(tombstoneGrace, "tombstoneGrace");
        requireNonNull(tombstoneInterval, "tombstoneInterval");
        if (maxBatchRecords < 1 || maxBatchRecords > 10_000) {
            throw new IllegalArgumentException("maxBatchRecords: " + maxBatchRecords + " (expected: 1..10000)");
        }
        if (maxBatchBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxBatchBytes: " + maxBatchBytes + " (expected: >= 65536)");
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff: " + minBackoff + ".." + maxBackoff + " (expected: 0 < minBackoff <= maxBackoff)");
        }
        if (tombstoneGrace.isNegative()) {
            throw new IllegalArgumentException("tombstoneGrace: " + tombstoneGrace + " (expected: >= 0)");
        }
        if (tombstoneInterval.isNegative() || tombstoneInterval.isZero()) {
            throw new IllegalArgumentException("tombstoneInterval: " + tombstoneInterval + " (expected: > 0)");
        }
    }

    /**
     * 500 changes or 1 MiB per request, no link delay, an idle recheck every second, retries from 100 ms up to 2 s
     * apart (so that a region that returns is caught up with within seconds), and tombstones kept at least an hour,
     * with a collection round every minute.
     */
    public static ReplicationConfig defaults(String region, Path stateFolder) {
        return new ReplicationConfig(
                region,
                stateFolder,
                Clock.systemUTC(),
                LinkDelays.none(),
                500,
                1024 * 1024,
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofHours(1),
                Duration.ofMinutes(1));
    }

    public ReplicationConfig withClock(Clock newClock) {
        return new ReplicationConfig(
                region,
                stateFolder,
                newClock,
                delays,
                maxBatchRecords,
                maxBatchBytes,
                idleRecheck,
                minBackoff,
                maxBackoff,
                tombstoneGrace,
                tombstoneInterval);
    }

    public ReplicationConfig withDelays(LinkDelays newDelays) {
        return new ReplicationConfig(
                region,
                stateFolder,
                clock,
                newDelays,
                maxBatchRecords,
                maxBatchBytes,
                idleRecheck,
                minBackoff,
                maxBackoff,
                tombstoneGrace,
                tombstoneInterval);
    }

    public ReplicationConfig withBatchLimits(int records, int bytes) {
        return new ReplicationConfig(
                region,
                stateFolder,
                clock,
                delays,
                records,
                bytes,
                idleRecheck,
                minBackoff,
                maxBackoff,
                tombstoneGrace,
                tombstoneInterval);
    }

    /** These settings with tombstones kept at least {@code grace}, collected every {@code interval}. */
    public ReplicationConfig withTombstones(Duration grace, Duration interval) {
        return new ReplicationConfig(
                region,
                stateFolder,
                clock,
                delays,
                maxBatchRecords,
                maxBatchBytes,
                idleRecheck,
                minBackoff,
                maxBackoff,
                grace,
                interval);
    }
}
