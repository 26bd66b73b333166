package dev.regionless.replication.internal;

import dev.regionless.tables.catalog.TableState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far each of this region's links has delivered, as a timestamp: the link from here to a replica has a
 * watermark W when the replica has every write this region accepted with a timestamp below W. Tombstones can be
 * collected below the smallest watermark of every link of every replica ({@link TombstoneCollector}).
 *
 * <p>A region's own writes appear in its stream in timestamp order (a local write takes its timestamp and its
 * position together), and a link's cursor moves past a position only once the replica has made everything up to
 * it durable. So the watermark is the timestamp of the first write of this region after the cursor, or, when
 * there is none up to the stream's {@link dev.regionless.tables.StreamMark}, the mark's timestamp plus one.
 * It is 0 (nothing is known) while the link has no cursor, while its stream has lost changes it had not shipped,
 * and while the replica is being filled from a snapshot.
 */
final class Watermarks {
    /** The most stream records one computation reads past the cursor; a longer backlog answers 0. */
    private static final int SCAN_LIMIT = 100_000;
    /** How long to wait for writes that have their position but are not durable yet. */
    private static final long DURABLE_WAIT_MILLIS = 1000;

    private final LinkContext context;
    private final Backfills fills;

    Watermarks(LinkContext context, Backfills fills) {
        this.context = context;
        this.fills = fills;
    }

    /** The watermark of every link from this region's replica of {@code state}, by destination. */
    Map<String, Long> of(TableState state) {
        var watermarks = new LinkedHashMap<String, Long>();
        for (var destination : state.replicas()) {
            if (!destination.equals(context.region())) {
                watermarks.put(destination, of(state, destination));
            }
        }
        return watermarks;
    }

    /** The watermark of the link from this region's replica of {@code state} to {@code destination}. */
    long of(TableState state, String destination) {
        if (fills.filling(state.name(), destination)) {
            return 0;
        }
        var cursor = context.cursors().cursor(state.tableId(), destination);
        if (cursor.isEmpty()) {
            return 0;
        }
        long position = cursor.getAsLong();
        var store = context.store();
        if (position + 1 < store.streamBounds(state)[0]) {
            return 0; // changes after the cursor were trimmed: the link will resynchronise the replica
        }
        var mark = store.streamMark(state);
        if (!awaitDurable(state, mark.sequence())) {
            return 0;
        }
        long scanned = position;
        int read = 0;
        while (scanned < mark.sequence() && read < SCAN_LIMIT) {
            var page = store.readStream(state, scanned, 1000);
            if (page.isEmpty()) {
                return 0;
            }
            for (var record : page) {
                if (record.sequence() > mark.sequence()) {
                    return mark.timestamp() + 1;
                }
                if (record.origin().equals(context.region())) {
                    return record.timestamp();
                }
                scanned = record.sequence();
            }
            read += page.size();
        }
        return scanned >= mark.sequence() ? mark.timestamp() + 1 : 0;
    }

    private boolean awaitDurable(TableState state, long sequence) {
        long deadline = System.nanoTime() + DURABLE_WAIT_MILLIS * 1_000_000;
        while (context.store().streamBounds(state)[1] < sequence) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
