package dev.regionless.replication.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills new replicas: for each, a virtual thread ships every item of the table with its version (and a global
 * table's tombstones) to the new region, page by page, retrying a page while the region does not answer, and then
 * has the replica marked ACTIVE. The link from the position noted before the first page ships everything written
 * meanwhile; last writer wins makes the order of the two irrelevant. A backfill interrupted by a restart starts
 * over from the first page.
 */
final class Backfills implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backfills.class);

    private final LinkContext context;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> progress = new ConcurrentHashMap<>();
    private volatile BiPredicate<String, String> markActive = (table, region) -> true;
    private volatile boolean closed;

    Backfills(LinkContext context) {
        this.context = context;
    }

    /** How a filled replica is marked ACTIVE: true once every replica knows. */
    void onFilled(BiPredicate<String, String> markActive) {
        this.markActive = markActive;
    }

    /** Starts the backfills the cursor file lists as unfinished. */
    void resume() {
        for (var entry : context.cursors().backfills()) {
            int split = entry.indexOf('>');
            start(entry.substring(0, split), entry.substring(split + 1));
        }
    }

    void start(String table, String region) {
        var key = table + ">" + region;
        running.computeIfAbsent(key, k -> {
            progress.put(key, new AtomicLong());
            return Thread.ofVirtual().name("backfill-" + key).start(() -> {
                try {
                    fill(table, region, progress.get(key));
                } catch (InterruptedException e) {
                    // closing: resumed at the next start
                } finally {
                    running.remove(key);
                }
            });
        });
    }

    /** The backfills under way, as {@code table>region (items shipped)}. */
    List<String> status() {
        var list = new ArrayList<String>();
        running.keySet().stream()
                .sorted()
                .forEach(key -> list.add(key + " (" + progress.get(key).get() + " items shipped)"));
        return list;
    }

    private void fill(String table, String region, AtomicLong shipped) throws InterruptedException {
        var state = context.store().table(table).orElse(null);
        if (state == null || !state.replicas().contains(region)) {
            finish(table, region);
            return;
        }
        LOG.info("filling the replica of {} in {}", table, region);
        for (boolean tombstones : new boolean[] {false, true}) {
            dev.regionless.tables.Item after = null;
            while (!closed) {
                var page = context.store()
                        .readVersioned(
                                state, tombstones, after, context.config().maxBatchRecords());
                if (page.isEmpty()) {
                    break;
                }
                var changes = withinSize(page.stream()
                        .map(item ->
                                ShippedChange.of(item, context.config().clock().millis()))
                        .toList());
                sendUntilAcknowledged(region, new ChangeBatch(table, context.region(), changes));
                shipped.addAndGet(changes.size());
                after = changes.getLast().keys();
            }
        }
        var backoff =
                new Backoff(context.config().minBackoff(), context.config().maxBackoff());
        while (!closed && !markActive.test(table, region)) {
            Thread.sleep(backoff.next());
        }
        if (!closed) {
            finish(table, region);
            LOG.info("the replica of {} in {} is filled ({} items)", table, region, shipped.get());
        }
    }

    /** The leading changes that fit the batch size limit; at least one. */
    private List<ShippedChange> withinSize(List<ShippedChange> changes) {
        int bytes = 0;
        int count = 0;
        while (count < changes.size()) {
            bytes += changes.get(count).approximateSize();
            if (count > 0 && bytes > context.config().maxBatchBytes()) {
                break;
            }
            count++;
        }
        return changes.subList(0, count);
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

    private void finish(String table, String region) {
        context.cursors().removeBackfill(table, region);
        context.cursors().flush();
    }

    @Override
    public void close() {
        closed = true;
        for (var thread : running.values()) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
