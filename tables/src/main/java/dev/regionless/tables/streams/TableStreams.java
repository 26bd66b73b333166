package dev.regionless.tables.streams;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.TableState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The streams of a region's tables, read from the table store: finding a stream by ARN, the state of its shard,
 * and its records.
 *
 * <p>The store numbers a table's change records without gaps across all the streams the table has had, and keeps
 * no boundary between them. A stream's records are therefore told apart by time: they are those made at or after
 * the stream was created. Records are stamped in sequence order, so the first of them is found by bisection.
 */
public final class TableStreams {
    private final TableStore store;

    public TableStreams(TableStore store) {
        this.store = requireNonNull(store, "store");
    }

    /** Every table's stream, in ARN order (the order ListStreams pages through). */
    public List<TableStream> all() {
        return store.tableNames().stream()
                .flatMap(name -> store.table(name).flatMap(TableStream::of).stream())
                .sorted(Comparator.comparing(TableStream::arn))
                .toList();
    }

    /** The stream of one table (none if it never had one), or {@code ResourceNotFoundException} for the table. */
    public List<TableStream> ofTable(String tableName) {
        return TableStream.of(store.requireTable(tableName)).stream().toList();
    }

    /** The stream with this ARN, if there is one; empty also for text that is not a stream ARN. */
    public Optional<TableStream> find(String streamArn) {
        return TableStream.tableNameIn(streamArn)
                .flatMap(store::table)
                .flatMap(TableStream::of)
                .filter(stream -> stream.arn().equals(streamArn));
    }

    /** The stream's shard as it is now. */
    public StreamShard shard(TableStream stream) {
        var table = stream.table();
        long[] bounds = store.streamBounds(table);
        long lowest = bounds[0], highest = bounds[1];
        long first = firstSequence(table, stream.createdAtMillis(), lowest, highest);
        return new StreamShard(stream.shardId(), first, highest, lowest, !stream.enabled());
    }

    /** Up to {@code limit} of the stream's durable records after {@code afterSequence}, oldest first. */
    public List<ChangeRecord> read(TableStream stream, long afterSequence, int limit) {
        return store.readStream(stream.table(), afterSequence, limit);
    }

    /** The first held sequence number whose record was made at or after {@code createdAt}; highest + 1 if none. */
    private long firstSequence(TableState table, long createdAt, long lowest, long highest) {
        if (recordAt(table, lowest)
                .map(record -> record.createdAtMillis() >= createdAt)
                .orElse(true)) {
            return lowest; // the usual case: nothing of an older stream is held
        }
        long low = lowest + 1, high = highest + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            var record = recordAt(table, middle);
            if (record.isEmpty() || record.get().createdAtMillis() >= createdAt) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private Optional<ChangeRecord> recordAt(TableState table, long sequence) {
        return store.readStream(table, sequence - 1, 1).stream().findFirst();
    }
}
