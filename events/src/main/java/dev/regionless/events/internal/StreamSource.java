package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.StartingPosition;
import dev.regionless.events.internal.StreamPositions.Position;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.streams.TableStream;
import dev.regionless.tables.streams.TableStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mapping lane's view of its table's stream: which stream that is now, where the lane stands in it, and the
 * lane's records after that. Positions are kept per stream: when the table's stream is replaced (disabled and
 * enabled again, or the table recreated), the mapping starts at the new stream's first record.
 */
public final class StreamSource {
    private final TableStore store;
    private final TableStreams streams;
    private final StreamPositions positions;
    /** How many records a lane reads at a time while it looks for its own among the other lanes'. */
    private static final int SCAN_CHUNK = 1_000;

    private final String positionKey;
    private final String tableName;
    private final Lane lane;

    public StreamSource(TableStore store, StreamPositions positions, String uuid, String tableName, Lane lane) {
        this.store = requireNonNull(store, "store");
        this.streams = new TableStreams(store);
        this.positions = requireNonNull(positions, "positions");
        this.positionKey = requireNonNull(lane, "lane").positionKey(requireNonNull(uuid, "uuid"));
        this.tableName = requireNonNull(tableName, "tableName");
        this.lane = lane;
    }

    /**
     * Fixes where a new mapping starts, if it has no position yet and its table has a stream: LATEST after the
     * stream's newest record now, TRIM_HORIZON before its oldest. Done when the mapping is created rather than when
     * its poller first runs, so that a change made just after creating a LATEST mapping is delivered.
     */
    public void begin(StartingPosition startingPosition) {
        if (positions.load(positionKey).isPresent()) {
            return;
        }
        currentStream().ifPresent(stream -> {
            var shard = streams.shard(stream);
            long after = switch (startingPosition) {
                case LATEST -> shard.lastSequence();
                case TRIM_HORIZON -> shard.firstSequence() - 1;
            };
            positions.save(positionKey, new Position(stream.arn(), after));
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
        var stored = positions
                .load(positionKey)
                .filter(position -> position.streamArn().equals(stream.arn()));
        if (stored.isPresent()) {
            return stored.get().afterSequence();
        }
        long start = streams.shard(stream).firstSequence() - 1;
        positions.save(positionKey, new Position(stream.arn(), start));
        return start;
    }

    /** Records every record up to {@code afterSequence} as delivered. */
    public void advance(TableStream stream, long afterSequence) {
        positions.save(positionKey, new Position(stream.arn(), afterSequence));
    }

    /**
     * Up to {@code limit} of the lane's durable records after {@code afterSequence}, oldest first. A lane that finds
     * only other lanes' records moves its position past them, so that it does not read them again.
     */
    public List<ChangeRecord> read(TableStream stream, long afterSequence, int limit) {
        if (lane.count() == 1) {
            return streams.read(stream, afterSequence, limit);
        }
        var partitionKey =
                stream.table().definition().keySchema().partitionKey().name();
        var found = new ArrayList<ChangeRecord>();
        long scanned = afterSequence;
        while (found.size() < limit) {
            var chunk = streams.read(stream, scanned, SCAN_CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (var record : chunk) {
                if (found.size() == limit) {
                    break;
                }
                scanned = record.sequence();
                if (lane.holds(record, partitionKey)) {
                    found.add(record);
                }
            }
        }
        if (found.isEmpty() && scanned > afterSequence) {
            advance(stream, scanned);
        }
        return found;
    }

    /** How many records after {@code afterSequence} were trimmed from the stream before they were read. */
    public long trimmedAfter(TableStream stream, long afterSequence) {
        long lowestHeld = store.streamBounds(stream.table())[0];
        return Math.max(0, lowestHeld - 1 - afterSequence);
    }

    /** Forgets the mapping's position, for a mapping that is deleted. */
    public void forget() {
        positions.forget(positionKey);
    }
}
