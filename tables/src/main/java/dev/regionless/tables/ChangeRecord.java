package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

/**
 * One change of one item, as a table's stream records it: the item's keys, its image before and after, and when
 * it happened. Streams keep both images whatever the view type; readers that follow the DynamoDB Streams API see
 * only what the table's view type shows.
 *
 * @param sequence the position in the table's stream, increasing with every change
 * @param eventName INSERT, MODIFY or REMOVE
 * @param keys the item's primary key attributes
 * @param oldImage the item before the change, or {@code null} for an INSERT
 * @param newImage the item after the change, or {@code null} for a REMOVE
 * @param createdAtMillis when the change was made, epoch milliseconds
 * @param expiry true if time to live deleted the item (the stream's {@code userIdentity} names the service)
 * @param timestamp the write's hybrid logical clock timestamp, which orders it for last-writer-wins
 * @param origin the region that accepted the write: this one, or the replica it was replicated from
 */
public record ChangeRecord(
        long sequence,
        EventName eventName,
        Item keys,
        Item oldImage,
        Item newImage,
        long createdAtMillis,
        boolean expiry,
        long timestamp,
        String origin) {
    public ChangeRecord {
        requireNonNull(eventName, "eventName");
        requireNonNull(keys, "keys");
        requireNonNull(origin, "origin");
    }

    /** The kind of change, as DynamoDB Streams names it. */
    public enum EventName {
        INSERT,
        MODIFY,
        REMOVE
    }
}
