package dev.regionless.tables.engine;

import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The tombstones of a global table and their horizon. A tombstone keeps a deleted item's version so that an older
 * write arriving late cannot bring the item back. Replication decides when no such write can arrive any more
 * (every replica has every write older than some timestamp) and raises the table's horizon to that timestamp;
 * from then on this replica refuses replicated writes older than the horizon, so the tombstones below it have no
 * use left and are deleted.
 *
 * <p>The horizon is made durable before any tombstone under it is deleted, so a crash between the two leaves
 * extra tombstones, never a missing one with the old horizon still in force.
 */
final class Tombstones {
    private static final int PAGE = 1000;

    private final DurableStore store;
    private final ItemLocks locks;

    Tombstones(DurableStore store, ItemLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /** The table's horizon as stored, 0 if it never had one. */
    long loadHorizon(long tableId) {
        byte[] value = store.get(horizonKey(tableId));
        return value == null ? 0 : ByteBuffer.wrap(value).getLong();
    }

    /** Stores the horizon durably. */
    void saveHorizon(long tableId, long horizon) {
        try (var batch = new WriteBatch()) {
            batch.put(
                    horizonKey(tableId), ByteBuffer.allocate(8).putLong(horizon).array());
            store.write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("cannot store the tombstone horizon: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the table's tombstones older than {@code horizon}, a page at a time. Each is checked again under its
     * item's lock, so that one replaced meanwhile by a newer delete stays.
     *
     * @return how many were deleted
     */
    int collect(TableState table, long horizon) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.TOMBSTONE, table.id());
        byte[] after = null;
        int collected = 0;
        while (true) {
            var page = new ArrayList<byte[]>();
            byte[] last = null;
            int read = 0;
            try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, after)) {
                while (cursor.hasNext() && read < PAGE) {
                    last = cursor.key().clone();
                    if (StoredValue.versionOf(cursor.value()).timestamp() < horizon) {
                        page.add(last);
                    }
                    read++;
                    cursor.advance();
                }
            }
            collected += delete(page, horizon);
            if (read < PAGE) {
                return collected;
            }
            after = last;
        }
    }

    /** How many tombstones the table holds (for status reports and tests; reads them all). */
    long count(TableState table) {
        return StoredReads.countKeys(store, StorageKeys.TOMBSTONE, table.id());
    }

    private int delete(List<byte[]> tombstones, long horizon) {
        if (tombstones.isEmpty()) {
            return 0;
        }
        // A tombstone's key is its item's key under another kind; writes lock the item's key.
        var itemKeys = tombstones.stream().map(Tombstones::itemKey).toList();
        int[] stripes = locks.lock(itemKeys);
        try (var batch = new WriteBatch()) {
            for (var key : tombstones) {
                byte[] current = store.get(key);
                if (current != null && StoredValue.versionOf(current).timestamp() < horizon) {
                    batch.delete(key);
                }
            }
            int deleted = batch.count();
            if (deleted > 0) {
                // Not synced: a deletion lost in a crash only leaves a tombstone to collect again.
                store.apply(batch);
            }
            return deleted;
        } catch (RocksDBException e) {
            throw new StorageException("cannot delete tombstones: " + e.getMessage(), e);
        } finally {
            locks.unlock(stripes);
        }
    }

    private static byte[] itemKey(byte[] tombstoneKey) {
        var key = tombstoneKey.clone();
        key[0] = StorageKeys.ITEM;
        return key;
    }

    /** Where the table's horizon is kept; deleted with the table. */
    static byte[] horizonKey(long tableId) {
        return StorageKeys.counter("tombstone-horizon " + tableId);
    }
}
