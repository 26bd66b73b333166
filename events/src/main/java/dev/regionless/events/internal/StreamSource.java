package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.StartingPosition;
import dev.regionless.events.internal.StreamPositions.Position;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.streams.TableStream;
import dev.regionless.tables.streams.TableStreams;
import java.util.List;
import java.util.Optional;

/**
 * One mapping's view of its table's stream: which stream that is now, where the mapping stands in it, and the
 * records after that. Positions are kept per stream: when the table's stream is replaced (disabled and enabled
 * again, or the table recreated), the mapping starts at the new stream's first record.
 */
public final class StreamSource {
    private final TableStore store;
    private final TableStreams streams;
    private final StreamPositions positions;
    private final String uuid;
    private final String tableName;

    public StreamSource(TableStore store, StreamPositions positions, String uuid, String tableName) {
        this.store = requireNonNull(store, "store");
        this.streams = new TableStreams(store);
        this.positions = requireNonNull(positions, "positions");
        this.uuid = requireNonNull(uuid, "uuid");
        this.tableName = requireNonNull(tableName, "tableName");
    }

    /**
     * Fixes where a new mapping starts, if it has no position yet and its table has a stream: LATEST after the
     * stream's newest record now, TRIM_HORIZON before its oldest. Done when the mapping is created rather than when
     * its poller first runs, so that a change made just after creating a LATEST mapping is delivered.
     */
    public void begin(StartingPosition startingPosition) {
        if (positions.load(uuid).isPresent()) {
            return;
        }
        currentStream().ifPresent(stream -> {
            var shard = streams.shard(stream);
            long after = switch (startingPosition) {
                case LATEST -> shard.lastSequence();
                case TRIM_HORIZON -> shard.firstSequence() - 1;
            };
            positions.save(uuid, new Position(stream.arn(), after));
        });
    }

    /** The table's stream (the last one, closed, if it was disabled), or empty while there is no table or stream. */
    public Optional<TableStream> currentStream() {
        return store.table(tableName).flatMap(TableStream::of);
    }

    /**
     * The sequence number after which the mapping reads {@code stream}. Without a position in it — the mapping was
     * created before the stream existed, or the stream was replaced — that is the stream's start, so nothing
     * written to the stream is skipped.
     */
    public long position(TableStream stream) {
        var stored =
                positions.load(uuid).filter(position -> position.streamArn().equals(stream.arn()));
        if (stored.isPresent()) {
            return stored.get().afterSequence();
        }
        long start = streams.shard(stream).firstSequence() - 1;
        positions.save(uuid, new Position(stream.arn(), start));
        return start;
    }

    /** Records every record up to {@code afterSequence} as delivered. */
    public void advance(TableStream stream, long afterSequence) {
        positions.save(uuid, new Position(stream.arn(), afterSequence));
    }

    /** Up to {@code limit} durable records after {@code afterSequence}, oldest first. */
    public List<ChangeRecord> read(TableStream stream, long afterSequence, int limit) {
        return streams.read(stream, afterSequence, limit);
    }

    /** How many records after {@code afterSequence} were trimmed from the stream before they were read. */
    public long trimmedAfter(TableStream stream, long afterSequence) {
        long lowestHeld = store.streamBounds(stream.table())[0];
        return Math.max(0, lowestHeld - 1 - afterSequence);
    }

    /** Forgets the mapping's position, for a mapping that is deleted. */
    public void forget() {
        positions.forget(uuid);
    }
}
