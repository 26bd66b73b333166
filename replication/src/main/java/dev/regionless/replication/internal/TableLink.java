package dev.regionless.replication.internal;

import dev.regionless.replication.LinkStatus;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.catalog.TableState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one global table's changes made in this region to one other replica, in stream order, one batch at a time,
 * on its own virtual thread. Only changes this region accepted are sent (never ones replicated to it), so nothing
 * goes back where it came from. The cursor moves only once the destination has acknowledged a batch; until then
 * the batch is retried with growing waits, so a destination that was away for hours gets everything when it
 * returns. If it was away longer than the stream's retention, the stream no longer holds what it had not received:
 * the link then has the replica resynchronised from a snapshot of this region's writes and goes on from the end
 * of the stream.
 */
final class TableLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableLink.class);
    /** How far past non-local records one round may read before it ships what it has. */
    private static final int SCAN_FACTOR = 10;
    /** The most stream records a status report reads to count what is pending; see {@link PendingChanges}. */
    private static final int STATUS_SCAN_LIMIT = 20_000;

    private final LinkContext context;
    private final Resyncs resyncs;
    private final String table;
    private final String tableId;
    private final String destination;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore retry = new Semaphore(0);
    private final Semaphore delayChanged = new Semaphore(0);
    private final LagWindow lags = new LagWindow(4096);
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong resynchronised = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastError;

    /** Starts resynchronising a replica from a snapshot of this region's own writes. */
    @FunctionalInterface
    interface Resyncs {
        void resync(String table, String destination);
    }

    TableLink(LinkContext context, Resyncs resyncs, TableState table, String destination) {
        this.context = context;
        this.resyncs = resyncs;
        this.table = table.name();
        this.tableId = table.tableId();
        this.destination = destination;
        this.thread = Thread.ofVirtual()
                .name("replication-" + this.table + ">" + destination)
                .unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Tells the link that the table changed, so it does not wait for its next recheck. */
    void wake() {
        wake.release();
    }

    /** Ends a backoff early: the peer is likely reachable again. */
    void retryNow() {
        retry.release();
        wake.release();
    }

    /**
     * Ends a wait for a change's delay to pass early, so that a shorter delay applies at once. Kept apart from
     * {@link #wake()}: every write wakes the link, and a delayed link must not re-read its stream on each.
     */
    void delayChanged() {
        delayChanged.release();
    }

    String table() {
        return table;
    }

    String tableId() {
        return tableId;
    }

    String destination() {
        return destination;
    }

    private void run() {
        var backoff =
                new Backoff(context.config().minBackoff(), context.config().maxBackoff());
        while (running) {
            try {
                boolean progressed = shipOnce();
                backoff.reset();
                lastError = null;
                if (!progressed) {
                    awaitWake(context.config().idleRecheck());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError = e.getMessage();
                if (!(e instanceof PeerUnavailableException)) {
                    LOG.warn("replication of {} to {} failed", table, destination, e);
                }
                if (!sleep(backoff.next())) {
                    return;
                }
            }
        }
    }

    /** Ships the next batch, or moves past records that are not this region's; false when there was nothing. */
    private boolean shipOnce() throws InterruptedException {
        var state = context.store()
                .table(table)
                .filter(current -> current.tableId().equals(tableId))
                .orElse(null);
        if (state == null) {
            return false; // the table is gone; the supervisor stops this link
        }
        long position = context.cursors().cursor(tableId, destination).orElse(0);
        var bounds = context.store().streamBounds(state);
        if (position + 1 < bounds[0]) {
            resync(position, bounds);
            return true;
        }
        var pending = collect(state, position);
        if (pending.records().isEmpty()) {
            if (pending.scannedThrough() > position) {
                context.cursors().advance(tableId, destination, pending.scannedThrough());
                return true;
            }
            return false;
        }
        var due = due(pending.records());
        if (due.isEmpty()) {
            var first = pending.records().getFirst();
            long wait = first.createdAtMillis()
                    + delay().toMillis()
                    - context.config().clock().millis();
            if (delayChanged.tryAcquire(Math.max(1, wait), TimeUnit.MILLISECONDS)) {
                delayChanged.drainPermits();
            }
            return true;
        }
        long end = due.size() == pending.records().size()
                ? pending.scannedThrough()
                : due.getLast().sequence();
        send(due);
        context.cursors().advance(tableId, destination, end);
        return true;
    }

    /**
     * The stream was trimmed past the cursor (retention): changes this region made may be gone before the
     * destination got them. The resync is noted first, so that this link reports no watermark until it is done;
     * then the cursor moves to the end of the stream, and the link ships what follows as usual.
     */
    private void resync(long position, long[] bounds) {
        LOG.warn(
                "link {}>{}: the stream holds positions {}..{}, but the destination has acknowledged only up to {};"
                        + " resynchronising it from a snapshot of {}'s writes",
                table,
                destination,
                bounds[0],
                bounds[1],
                position,
                context.region());
        resyncs.resync(table, destination);
        context.cursors().advance(tableId, destination, bounds[1]);
        context.cursors().flush();
        resynchronised.incrementAndGet();
    }

    /** Up to a batch of this region's records after {@code position}, and how far the stream was read. */
    private Pending collect(TableState state, long position) {
        var config = context.config();
        var records = new ArrayList<ChangeRecord>();
        long scanned = position;
        int bytes = 0;
        int read = 0;
        while (read < config.maxBatchRecords() * SCAN_FACTOR) {
            var page = context.store().readStream(state, scanned, 1000);
            if (page.isEmpty()) {
                break;
            }
            for (var record : page) {
                if (record.origin().equals(context.region())) {
                    int size = ShippedChange.of(record).approximateSize();
                    if (!records.isEmpty()
                            && (records.size() >= config.maxBatchRecords() || bytes + size > config.maxBatchBytes())) {
                        return new Pending(records, scanned);
                    }
                    records.add(record);
                    bytes += size;
                }
                scanned = record.sequence();
                read++;
            }
        }
        return new Pending(records, scanned);
    }

    private record Pending(List<ChangeRecord> records, long scannedThrough) {}

    /** The leading records whose link delay has passed. */
    private List<ChangeRecord> due(List<ChangeRecord> records) {
        long now = context.config().clock().millis();
        long delay = delay().toMillis();
        int count = 0;
        while (count < records.size() && records.get(count).createdAtMillis() + delay <= now) {
            count++;
        }
        return records.subList(0, count);
    }

    private Duration delay() {
        return context.delays().of(context.region(), destination);
    }

    private void send(List<ChangeRecord> records) {
        var batch = new ChangeBatch(
                table, context.region(), records.stream().map(ShippedChange::of).toList());
        context.client().post(destination, WireFormat.CHANGES_PATH, WireFormat.write(batch));
        long now = context.config().clock().millis();
        records.forEach(record -> lags.add(now - record.createdAtMillis()));
        shipped.addAndGet(records.size());
    }

    private void awaitWake(Duration timeout) throws InterruptedException {
        if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
    }

    /**
     * Waits out a backoff, which changes do not cut short but {@link #retryNow} does; false if the link is closing.
     */
    private boolean sleep(Duration wait) {
        try {
            if (retry.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                retry.drainPermits();
            }
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The link's state now; see {@link PendingChanges} for how what is pending is counted. */
    LinkStatus status() {
        long position = context.cursors().cursor(tableId, destination).orElse(0);
        long pending = 0;
        long oldest = -1;
        var state = context.store().table(table).orElse(null);
        if (state != null && state.tableId().equals(tableId)) {
            var counted = PendingChanges.count(
                    (after, limit) -> context.store().readStream(state, after, limit),
                    context.region(),
                    position,
                    context.store().streamBounds(state)[1],
                    STATUS_SCAN_LIMIT);
            pending = counted.count();
            oldest = counted.oldestMillis();
        }
        long age = oldest < 0 ? 0 : Math.max(0, context.config().clock().millis() - oldest);
        return new LinkStatus(
                table,
                context.region(),
                destination,
                position,
                pending,
                age,
                lags.percentile(50),
                lags.percentile(99),
                shipped.get(),
                resynchronised.get(),
                context.cuts().isCut(destination),
                lastError);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
