package dev.regionless.tables.engine;

import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Fills a new secondary index with the items written before it existed, in the background; writes made after it
 * was added maintain it themselves. {@link #close} stops and waits for the backfills, since they read the native
 * database; an interrupted backfill starts over at the next start, as its index is still CREATING in the catalog.
 */
final class IndexBackfills implements AutoCloseable {
    private final DurableStore store;
    private final ItemLocks locks;
    private final StoredReads reads;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    IndexBackfills(DurableStore store, ItemLocks locks, StoredReads reads) {
        this.store = store;
        this.locks = locks;
        this.reads = reads;
    }

    /** Starts filling {@code indexName} of the table; {@code done} runs once every item is indexed. */
    void start(TableState table, String indexName, Runnable done) {
        var thread = Thread.ofVirtual()
                .name("backfill-" + table.name() + "-" + indexName)
                .unstarted(() -> {
                    try {
                        if (fill(table, indexName)) {
                            done.run();
                        }
                    } finally {
                        running.remove(Thread.currentThread());
                    }
                });
        running.add(thread);
        thread.start();
    }

    /** Returns false if the backfill was stopped before it finished. */
    private boolean fill(TableState table, String indexName) {
        var index = table.definition().index(indexName).orElse(null);
        if (index == null) {
            return false;
        }
        var schema = table.definition().keySchema();
        List<Item> keys = new ArrayList<>();
        try (var cursor = reads.items(table, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
            while (cursor.hasNext() && !closing) {
                keys.add(IndexKeys.keyOf(schema, cursor.next()));
            }
        }
        for (var key : keys) {
            if (closing) {
                return false;
            }
            byte[] itemKey = StorageKeys.item(table.id(), schema, key);
            int[] stripes = locks.lock(List.of(itemKey));
            try {
                byte[] stored = store.get(itemKey);
                if (stored == null) {
                    continue;
                }
                var item = StoredValue.itemOf(stored);
                var entry = IndexProjector.project(index, schema, item);
                if (entry.isPresent() && IndexKeys.fits(index, table.definition(), item)) {
                    try (var batch = new WriteBatch()) {
                        batch.put(IndexEntries.key(table, index, entry.get()), ItemCodec.encode(entry.get()));
                        store.write(batch);
                    } catch (RocksDBException e) {
                        throw new StorageException("backfill failed: " + e.getMessage(), e);
                    }
                }
            } finally {
                locks.unlock(stripes);
            }
        }
        return !closing;
    }

    @Override
    public void close() {
        closing = true;
        for (var thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
