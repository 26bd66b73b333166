package dev.regionless.tables.engine;

import static java.util.Objects.requireNonNull;

/**
 * When and where an item was last written: a hybrid logical clock timestamp and the region that accepted the
 * write. Versions order writes for last-writer-wins: the larger timestamp wins, and on a tie the region whose name
 * sorts last, so that every replica picks the same winner.
 */
public record Version(long timestamp, String origin) implements Comparable<Version> {
    public Version {
        requireNonNull(origin, "origin");
    }

    @Override
    public int compareTo(Version other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : origin.compareTo(other.origin);
    }

    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }
}
