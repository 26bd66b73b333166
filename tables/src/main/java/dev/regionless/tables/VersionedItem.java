package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An item as this replica stores it, with the version of the write that stored it: what a snapshot of a global
 * table ships to a new replica, so that the copy orders against later writes exactly as the original does.
 *
 * @param key the item's primary key attributes
 * @param image the whole item, or {@code null} for a deleted item of a global table (its tombstone)
 * @param timestamp the hybrid logical clock timestamp of the write that stored it
 * @param origin the region that accepted that write
 */
public record VersionedItem(Item key, Item image, long timestamp, String origin) {
    public VersionedItem {
        requireNonNull(key, "key");
        requireNonNull(origin, "origin");
    }

    /** The item, or empty for a tombstone. */
    public Optional<Item> item() {
        return Optional.ofNullable(image);
    }
}
