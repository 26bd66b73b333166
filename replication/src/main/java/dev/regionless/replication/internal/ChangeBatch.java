package dev.regionless.replication.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The body of one shipment: changes of one table from one source region, oldest first.
 *
 * @param table the table's name, the same in every replica
 * @param source the region sending
 * @param changes the changes, in the source's stream order
 * @param snapshot true for a page of a new replica's backfill, which the replica applies even below its tombstone
 *     horizon
 */
record ChangeBatch(String table, String source, List<ShippedChange> changes, boolean snapshot) {
    ChangeBatch {
        requireNonNull(table, "table");
        requireNonNull(source, "source");
        changes = List.copyOf(changes);
    }

    /** Changes shipped by a link. */
    ChangeBatch(String table, String source, List<ShippedChange> changes) {
        this(table, source, changes, false);
    }

    /** The stream position of the last change, which the destination acknowledges. */
    long lastSequence() {
        return changes.isEmpty() ? 0 : changes.getLast().sequence();
    }
}
