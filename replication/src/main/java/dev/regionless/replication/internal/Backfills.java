package dev.regionless.replication.internal;

import dev.regionless.replication.FillStatus;
import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.TableState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills replicas from a snapshot of this region's table, one virtual thread per fill, a page at a time (memory
 * stays bounded by one page whatever the table's size), retrying a page while the region does not answer:
 *
 * <ul>
 *   <li>a <b>backfill</b> fills a new replica with every item and tombstone, whoever wrote them, marked as a
 *       snapshot so the replica takes them even below its tombstone horizon, and then has the replica marked
 *       ACTIVE;
 *   <li>a <b>resync</b> sends a replica this region's own writes again, because this region's stream no longer
 *       holds changes that the replica had not received (it was away longer than the stream's retention). Each
 *       region ships only what it accepted itself, so its own writes are all it owes; they apply by last writer
 *       wins, so newer writes the replica holds are kept.
 * </ul>
 *
 * In both cases the link ships, from the stream position noted before the first page, everything written
 * meanwhile; pages are not one point-in-time snapshot, but last writer wins makes the order of the two irrelevant.
 * A fill interrupted by a restart starts over from the first page.
 */
final class Backfills implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backfills.class);

    private final LinkContext context;
    private final Map<FillKey, Fill> running = new ConcurrentHashMap<>();
    private volatile BiPredicate<String, String> markActive = (table, region) -> true;
    private volatile boolean closed;

    private record FillKey(String kind, String table, String region) {}

    /** A running fill's progress. */
    private static final class Fill {
        final FillKey key;
        volatile long total;
        final AtomicLong read = new AtomicLong();
        final AtomicLong shipped = new AtomicLong();
        final AtomicLong tombstones = new AtomicLong();
        /** Set when a resync is asked for again while it runs: it starts over once the current pass ends. */
        volatile boolean again;

        Thread thread;

        Fill(FillKey key) {
            this.key = key;
        }

        FillStatus status() {
            return new FillStatus(
                    key.table(), key.region(), key.kind(), total, read.get(), shipped.get(), tombstones.get());
        }
    }

    Backfills(LinkContext context) {
        this.context = context;
    }

    /** How a filled replica is marked ACTIVE: true once every replica knows. */
    void onFilled(BiPredicate<String, String> markActive) {
        this.markActive = markActive;
    }

    /** Starts the fills the cursor file lists as unfinished. */
    synchronized void resume() {
        context.cursors().backfills().forEach(entry -> resume(FillStatus.BACKFILL, entry));
        context.cursors().resyncs().forEach(entry -> resume(FillStatus.RESYNC, entry));
    }

    /** Starts filling a new replica (already listed in the cursor file by the caller). */
    synchronized void start(String table, String region) {
        start(new FillKey(FillStatus.BACKFILL, table, region));
    }

    /**
     * Starts resynchronising a replica with this region's own writes. The caller has moved the link's cursor to
     * the end of the stream; this notes the resync in the cursor file first, so a restart resumes it.
     */
    synchronized void resync(String table, String region) {
        context.cursors().addResync(table, region);
        context.cursors().flush();
        var key = new FillKey(FillStatus.RESYNC, table, region);
        var current = running.get(key);
        if (current != null) {
            // The stream lost changes again while the resync ran; pages already sent may predate them.
            current.again = true;
            return;
        }
        start(key);
    }

    /** True while this region is filling the replica in {@code region} (either kind, including one to resume). */
    boolean filling(String table, String region) {
        var entry = table + ">" + region;
        return running.keySet().stream()
                        .anyMatch(
                                key -> key.table().equals(table) && key.region().equals(region))
                || context.cursors().backfills().contains(entry)
                || context.cursors().resyncs().contains(entry);
    }

    /** The fills under way, by table and region. */
    List<FillStatus> status() {
        return running.values().stream()
                .map(Fill::status)
                .sorted(Comparator.comparing(FillStatus::table).thenComparing(FillStatus::destination))
                .toList();
    }

    private void resume(String kind, String entry) {
        int split = entry.indexOf('>');
        start(new FillKey(kind, entry.substring(0, split), entry.substring(split + 1)));
    }

    /** Call holding this object's lock, which also guards a fill's decision to end (see {@link #runUntilDone}). */
    private void start(FillKey key) {
        running.computeIfAbsent(key, k -> {
            var fill = new Fill(key);
            fill.thread = Thread.ofVirtual()
                    .name(key.kind() + "-" + key.table() + ">" + key.region())
                    .start(() -> {
                        try {
                            runUntilDone(fill);
                        } catch (InterruptedException e) {
                            // closing: resumed at the next start
                        } finally {
                            synchronized (this) {
                                running.remove(key, fill);
                            }
                        }
                    });
            return fill;
        });
    }

    /** Runs the fill, over again after an unexpected failure or when a resync was asked for again meanwhile. */
    private void runUntilDone(Fill fill) throws InterruptedException {
        var backoff =
                new Backoff(context.config().minBackoff(), context.config().maxBackoff());
        while (!closed) {
            try {
                fill.again = false;
                run(fill);
                if (closed) {
                    return;
                }
                // Ending and a new request for the same resync must not cross: both hold this object's lock.
                synchronized (this) {
                    if (!fill.again) {
                        finish(fill);
                        running.remove(fill.key, fill);
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "{} of {} in {} failed; starting over",
                        fill.key.kind(),
                        fill.key.table(),
                        fill.key.region(),
                        e);
                Thread.sleep(backoff.next());
            }
            fill.read.set(0);
            fill.shipped.set(0);
            fill.tombstones.set(0);
        }
    }

    private void run(Fill fill) throws InterruptedException {
        var key = fill.key;
        var state = context.store().table(key.table()).orElse(null);
        if (state == null || !state.replicas().contains(key.region())) {
            return; // the table or the replica is gone: nothing to fill
        }
        boolean backfill = key.kind().equals(FillStatus.BACKFILL);
        fill.total = context.store().countItems(state);
        LOG.info("{} of {} in {}: {} items", key.kind(), key.table(), key.region(), fill.total);
        shipAll(fill, state, false, backfill);
        shipAll(fill, state, true, backfill);
        if (backfill) {
            var backoff =
                    new Backoff(context.config().minBackoff(), context.config().maxBackoff());
            while (!closed && !markActive.test(key.table(), key.region())) {
                Thread.sleep(backoff.next());
            }
        }
    }

    /** Ships every item (or every tombstone) a backfill needs, or this region's own for a resync. */
    private void shipAll(Fill fill, TableState state, boolean tombstones, boolean backfill)
            throws InterruptedException {
        Item after = null;
        while (!closed) {
            var page = context.store()
                    .readVersioned(state, tombstones, after, context.config().maxBatchRecords());
            if (page.isEmpty()) {
                return;
            }
            long now = context.config().clock().millis();
            var changes = page.stream()
                    .filter(item -> backfill || item.origin().equals(context.region()))
                    .map(item -> ShippedChange.of(item, now))
                    .toList();
            for (var chunk : withinSize(changes)) {
                sendUntilAcknowledged(
                        fill.key.region(), new ChangeBatch(fill.key.table(), context.region(), chunk, backfill));
            }
            (tombstones ? fill.tombstones : fill.shipped).addAndGet(changes.size());
            if (!tombstones) {
                fill.read.addAndGet(page.size());
            }
            after = page.getLast().key();
        }
        throw new InterruptedException();
    }

    /** The changes split into runs that fit the batch size limit; each run holds at least one change. */
    private List<List<ShippedChange>> withinSize(List<ShippedChange> changes) {
        var chunks = new ArrayList<List<ShippedChange>>();
        var chunk = new ArrayList<ShippedChange>();
        int bytes = 0;
        for (var change : changes) {
            int size = change.approximateSize();
            if (!chunk.isEmpty() && bytes + size > context.config().maxBatchBytes()) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(change);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private void sendUntilAcknowledged(String region, ChangeBatch batch) throws InterruptedException {
        var backoff =
                new Backoff(context.config().minBackoff(), context.config().maxBackoff());
        while (!closed) {
            try {
                context.client().post(region, WireFormat.CHANGES_PATH, WireFormat.write(batch));
                return;
            } catch (PeerUnavailableException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                Thread.sleep(backoff.next());
            }
        }
        throw new InterruptedException();
    }

    private void finish(Fill fill) {
        var key = fill.key;
        LOG.info(
                "{} of {} in {} done: {} items read, {} shipped, {} tombstones",
                key.kind(),
                key.table(),
                key.region(),
                fill.read.get(),
                fill.shipped.get(),
                fill.tombstones.get());
        if (key.kind().equals(FillStatus.BACKFILL)) {
            context.cursors().removeBackfill(key.table(), key.region());
        } else {
            context.cursors().removeResync(key.table(), key.region());
        }
        context.cursors().flush();
    }

    @Override
    public void close() {
        closed = true;
        for (var fill : List.copyOf(running.values())) {
            fill.thread.interrupt();
            try {
                fill.thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
