package dev.regionless.replication.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import dev.regionless.tables.VersionedItem;

/**
 * One change as a link carries it: what the destination needs to apply it by last writer wins.
 *
 * @param sequence the change's position in the source's stream (0 for an item of a snapshot)
 * @param keys the item's primary key
 * @param image the item after the change, or {@code null} for a delete
 * @param timestamp the write's hybrid logical clock timestamp
 * @param origin the region that accepted the write
 * @param createdAtMillis when the source stored the change, for lag
 */
record ShippedChange(long sequence, Item keys, Item image, long timestamp, String origin, long createdAtMillis) {
    ShippedChange {
        requireNonNull(keys, "keys");
        requireNonNull(origin, "origin");
    }

    static ShippedChange of(ChangeRecord record) {
        return new ShippedChange(
                record.sequence(),
                record.keys(),
                record.newImage(),
                record.timestamp(),
                record.origin(),
                record.createdAtMillis());
    }

    static ShippedChange of(VersionedItem item, long nowMillis) {
        return new ShippedChange(0, item.key(), item.image(), item.timestamp(), item.origin(), nowMillis);
    }

    VersionedItem toVersionedItem() {
        return new VersionedItem(keys, image, timestamp, origin);
    }

    /** About how many bytes the change takes on the wire, to keep a batch under its size limit. */
    int approximateSize() {
        return 64 + keys.size() + (image == null ? 0 : image.size());
    }
}
