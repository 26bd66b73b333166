package dev.regionless.tables.streams;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * A stream's one shard and the positions in it, at one moment.
 *
 * @param shardId the shard's id
 * @param firstSequence the sequence number of the shard's oldest record still held; the next sequence number
 *     when it holds none
 * @param lastSequence the sequence number of the shard's newest durable record ({@code firstSequence - 1} when it
 *     holds none)
 * @param lowestHeld the lowest sequence number the table's stream storage still holds; anything lower was trimmed
 * @param closed true when the stream was disabled: the shard gets no more records
 */
public record StreamShard(String shardId, long firstSequence, long lastSequence, long lowestHeld, boolean closed) {
    public StreamShard {
        requireNonNull(shardId, "shardId");
    }

    /**
     * The shard's last sequence number, present only once it is closed. A closed shard that never got a record
     * ends where it starts, so that its range is still a range.
     */
    public OptionalLong endingSequence() {
        return closed ? OptionalLong.of(Math.max(firstSequence, lastSequence)) : OptionalLong.empty();
    }

    /** True if records just after {@code afterSequence} have been trimmed, so reading from there would skip some. */
    public boolean trimmedAfter(long afterSequence) {
        return afterSequence + 1 < lowestHeld;
    }

    /** True if a reader positioned after {@code afterSequence} has read everything the shard will ever hold. */
    public boolean exhaustedAfter(long afterSequence) {
        return closed && afterSequence >= lastSequence;
    }
}
