package dev.regionless.region;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a region keeps what it knows about past changes: stream records (DynamoDB Streams keeps them 24 hours;
 * a replica away longer than that is resynchronised from a snapshot) and the tombstones of deleted items of global
 * tables (kept at least the grace period, and until every replica has the delete). Tests shorten them, together with
 * a clock they move by hand.
 *
 * @param streamRetention how old a stream record may get before it is trimmed
 * @param trimInterval how often the streams are trimmed
 * @param tombstoneGrace how long a tombstone is kept at least
 * @param tombstoneInterval how often the tombstones of global tables are collected
 */
public record ChangeRetention(
        Duration streamRetention, Duration trimInterval, Duration tombstoneGrace, Duration tombstoneInterval) {
    public ChangeRetention {
        requireNonNull(streamRetention, "streamRetention");
        requireNonNull(trimInterval, "trimInterval");
        requireNonNull(tombstoneGrace, "tombstoneGrace");
        requireNonNull(tombstoneInterval, "tombstoneInterval");
        positive("streamRetention", streamRetention);
        positive("trimInterval", trimInterval);
        positive("tombstoneInterval", tombstoneInterval);
        if (tombstoneGrace.isNegative()) {
            throw new IllegalArgumentException("tombstoneGrace: " + tombstoneGrace + " (expected: >= 0)");
        }
    }

    /** DynamoDB's 24-hour stream retention, trimmed every 10 minutes; tombstones kept at least an hour. */
    public static ChangeRetention defaults() {
        return new ChangeRetention(
                Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(1));
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
