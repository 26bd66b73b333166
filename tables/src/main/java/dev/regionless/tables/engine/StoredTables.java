package dev.regionless.tables.engine;

import dev.regionless.common.AwsException;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import dev.regionless.tables.ItemCursor;
import dev.regionless.tables.KeyRangeDigest;
import dev.regionless.tables.StreamMark;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The tables of one store: the catalog kept in memory and in the store, and the item, index and stream writes
 * that {@link TableStore} offers. See {@link StorageKeys} for the layout. The work is shared with
 * {@link ItemCommits} (durable batches and stream positions), {@link ReplicatedWrites} (last writer wins),
 * {@link StoredReads}, {@link IndexBackfills} and {@link Tombstones}; this class keeps the catalog and the locks.
 */
public final class StoredTables implements AutoCloseable {
    private final DurableStore store;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, TableRuntime> tables = new ConcurrentHashMap<>();
    private final ItemLocks locks = new ItemLocks();
    /** Serialises catalog changes. */
    private final ReentrantLock catalogLock = new ReentrantLock();

    private final HybridClock hybridClock;
    private final Tombstones tombstones;
    private final StoredReads reads;
    private final ItemCommits commits;
    private final IndexBackfills backfills;
    private final ReplicatedWrites replicated;

    public StoredTables(DurableStore store, String region, String accountId, Clock clock) {
        this.store = store;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.hybridClock = new HybridClock(clock);
        this.tombstones = new Tombstones(store, locks);
        this.reads = new StoredReads(store);
        this.commits = new ItemCommits(store, region, clock, hybridClock, tables::get);
        this.backfills = new IndexBackfills(store, locks, reads);
        this.replicated = new ReplicatedWrites(store, locks, hybridClock, commits, this::tombstoneHorizon);
        loadCatalog();
    }

    public String region() {
        return region;
    }

    private void loadCatalog() {
        byte[][] range = StorageKeys.kindRange(StorageKeys.CATALOG);
        try (var cursor = new RangeCursor(store.iterator(), range[0], range[1], true, null)) {
            while (cursor.hasNext()) {
                var state = CatalogEntries.decode(cursor.value());
                var last = reads.lastStreamRecord(state.id());
                var runtime = new TableRuntime(state, last == null ? 0 : last.sequence());
                runtime.tombstoneHorizon = tombstones.loadHorizon(state.id());
                tables.put(state.name(), runtime);
                // The clock never goes back across a restart, even if the wall clock did (or a peer's ran ahead):
                // a write after the restart still follows every write this region made or saw before it.
                if (last != null) {
                    hybridClock.observe(last.timestamp());
                }
                cursor.advance();
            }
        }
        // Indexes whose backfill a restart interrupted start over.
        tables.values()
                .forEach(runtime -> runtime.state.indexStatuses().forEach((name, status) -> {
                    if (status.equals("CREATING")) {
                        startBackfill(runtime.state, name);
                    }
                }));
    }

    // ---- catalog ----

    public TableState create(TableDefinition definition) {
        catalogLock.lock();
        try {
            if (tables.containsKey(definition.name())) {
                throw TableErrors.tableExists(definition.name());
            }
            long id = nextTableId();
            long now = clock.millis();
            var indexStatuses = new HashMap<String, String>();
            definition.indexes().forEach(index -> indexStatuses.put(index.name(), "ACTIVE"));
            var state = new TableState(
                    definition,
                    id,
                    "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + definition.name(),
                    UUID.randomUUID().toString(),
                    now,
                    "ACTIVE",
                    indexStatuses,
                    definition.stream().enabled() ? CatalogEntries.streamLabel(now) : null,
                    null,
                    Map.of(),
                    List.of(),
                    Map.of());
            try (var batch = new WriteBatch()) {
                batch.put(StorageKeys.catalog(definition.name()), CatalogEntries.encode(state));
                batch.put(
                        StorageKeys.counter("table-id"),
                        ByteBuffer.allocate(8).putLong(id).array());
                store.write(batch);
            } catch (RocksDBException e) {
                throw new StorageException("cannot create table: " + e.getMessage(), e);
            }
            tables.put(definition.name(), new TableRuntime(state, 0));
            return state;
        } finally {
            catalogLock.unlock();
        }
    }

    public Optional<TableState> find(String name) {
        var runtime = tables.get(name);
        return runtime == null ? Optional.empty() : Optional.of(runtime.state);
    }

    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }

    public TableState delete(String name) {
        catalogLock.lock();
        try {
            var runtime = tables.get(name);
            if (runtime == null) {
                throw TableErrors.resourceNotFound(name);
            }
            var state = runtime.state;
            if (state.definition().deletionProtection()) {
                throw TableErrors.validation("Resource cannot be deleted as it is currently protected against "
                        + "deletion. Disable deletion protection first.");
            }
            tables.remove(name);
            try (var batch = new WriteBatch()) {
                batch.delete(StorageKeys.catalog(name));
                batch.delete(Tombstones.horizonKey(state.id()));
                for (byte kind :
                        new byte[] {StorageKeys.ITEM, StorageKeys.INDEX, StorageKeys.STREAM, StorageKeys.TOMBSTONE}) {
                    byte[] prefix = StorageKeys.tablePrefix(kind, state.id());
                    batch.deleteRange(prefix, StorageKeys.successor(prefix));
                }
                store.write(batch);
            } catch (RocksDBException e) {
                throw new StorageException("cannot delete table: " + e.getMessage(), e);
            }
            return state.withStatus("DELETING");
        } finally {
            catalogLock.unlock();
        }
    }

    public TableState update(String name, UnaryOperator<TableState> change) {
        List<String> added = new ArrayList<>();
        TableState updated;
        catalogLock.lock();
        try {
            var runtime = tables.get(name);
            if (runtime == null) {
                throw TableErrors.resourceNotFound(name);
            }
            var before = runtime.state;
            var changed = change.apply(before);
            updated = changed;
            var statuses = new HashMap<>(before.indexStatuses());
            for (var index : changed.definition().indexes()) {
                if (before.definition().index(index.name()).isEmpty()) {
                    added.add(index.name());
                    statuses.put(index.name(), "CREATING");
                }
            }
            var dropped = before.definition().indexes().stream()
                    .filter(index -> changed.definition().index(index.name()).isEmpty())
                    .toList();
            dropped.forEach(index -> statuses.remove(index.name()));
            updated = updated.withIndexStatuses(statuses);
            if (updated.definition().stream().enabled()
                    && !before.definition().stream().enabled()) {
                updated = updated.withStreamLabel(CatalogEntries.streamLabel(clock.millis()));
            }
            try (var batch = new WriteBatch()) {
                batch.put(StorageKeys.catalog(name), CatalogEntries.encode(updated));
                for (var index : dropped) {
                    byte[] prefix = StorageKeys.indexPrefix(before.id(), index.number());
                    batch.deleteRange(prefix, StorageKeys.successor(prefix));
                }
                store.write(batch);
            } catch (RocksDBException e) {
                throw new StorageException("cannot update table: " + e.getMessage(), e);
            }
            // Writes from here on maintain the new indexes; the backfill adds the items written before.
            runtime.state = updated;
        } finally {
            catalogLock.unlock();
        }
        var backfilled = updated;
        added.forEach(index -> startBackfill(backfilled, index));
        return updated;
    }

    private void persist(TableState state) {
        try (var batch = new WriteBatch()) {
            batch.put(StorageKeys.catalog(state.name()), CatalogEntries.encode(state));
            store.write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("cannot update table: " + e.getMessage(), e);
        }
    }

    private long nextTableId() {
        byte[] last = store.get(StorageKeys.counter("table-id"));
        return last == null ? 1 : ByteBuffer.wrap(last).getLong() + 1;
    }

    // ---- items ----

    public Optional<Item> get(TableState table, Item key) {
        byte[] stored =
                store.get(StorageKeys.item(table.id(), table.definition().keySchema(), key));
        return stored == null ? Optional.empty() : Optional.of(StoredValue.itemOf(stored));
    }

    public List<TableStore.WriteResult> write(List<TableStore.ItemWrite> writes, TableStore.Origin origin) {
        var keys = writes.stream().map(StoredTables::storageKey).toList();
        int[] stripes = locks.lock(keys);
        try {
            var changes = new ArrayList<ItemChange>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                changes.add(computeChange(writes.get(i), keys.get(i)));
            }
            commits.commit(changes, origin);
            return changes.stream().map(ItemChange::result).toList();
        } finally {
            locks.unlock(stripes);
        }
    }

    public TableStore.TransactionOutcome transact(List<TableStore.ItemWrite> writes) {
        var keys = writes.stream().map(StoredTables::storageKey).toList();
        int[] stripes = locks.lock(keys);
        try {
            var changes = new ArrayList<ItemChange>(writes.size());
            var failures = new ArrayList<Optional<AwsException>>(writes.size());
            boolean failed = false;
            for (int i = 0; i < writes.size(); i++) {
                try {
                    changes.add(computeChange(writes.get(i), keys.get(i)));
                    failures.add(Optional.empty());
                } catch (AwsException e) {
                    failures.add(Optional.of(e));
                    failed = true;
                }
            }
            if (failed) {
                return new TableStore.TransactionOutcome(List.of(), failures);
            }
            commits.commit(changes, TableStore.Origin.LOCAL);
            return new TableStore.TransactionOutcome(
                    changes.stream().map(ItemChange::result).toList(), List.of());
        } finally {
            locks.unlock(stripes);
        }
    }

    /** See {@link ReplicatedWrites#apply(TableState, Item, Optional, Version)}. */
    public boolean applyReplicated(TableState table, Item key, Optional<Item> image, Version version) {
        return replicated.apply(table, key, image, version);
    }

    /** See {@link ReplicatedWrites#apply(TableState, List, boolean)}. */
    public int applyReplicated(TableState table, List<VersionedItem> writes) {
        return replicated.apply(table, writes, true);
    }

    /**
     * As {@link #applyReplicated(TableState, List)}, but also below the tombstone horizon: a snapshot filling a new
     * replica carries the items as they are, however old their last write; the horizon the replica got from the
     * snapshot's source keeps the links' older repeats out.
     */
    public int applySnapshot(TableState table, List<VersionedItem> writes) {
        return replicated.apply(table, writes, false);
    }

    /** The version of the item with this key, or of its tombstone if it was deleted, if this replica has either. */
    public Optional<Version> versionOf(TableState table, Item key) {
        return replicated.versionOf(table, key);
    }

    private static byte[] storageKey(TableStore.ItemWrite write) {
        var table = write.table();
        return StorageKeys.item(table.id(), table.definition().keySchema(), write.key());
    }

    private ItemChange computeChange(TableStore.ItemWrite write, byte[] key) {
        byte[] stored = store.get(key);
        Optional<Item> before = stored == null ? Optional.empty() : Optional.of(StoredValue.itemOf(stored));
        Optional<Item> after = write.change().apply(before);
        after.ifPresent(item -> IndexKeys.check(write.table().definition(), item));
        // The version is taken when the change is committed, see ItemCommits.
        return ItemChange.local(write, key, new TableStore.WriteResult(before, after));
    }

    // ---- reads ----

    public ItemCursor read(TableState table, TableStore.ReadRange range) {
        return reads.items(table, range);
    }

    public List<VersionedItem> readVersioned(TableState table, boolean tombstones, Item exclusiveStartKey, int limit) {
        return reads.versioned(table, tombstones, exclusiveStartKey, limit);
    }

    public KeyRangeDigest digest(TableState table, long fromHash, long toHash) {
        return RangeDigests.digest(store, table, fromHash, toHash);
    }

    public List<VersionedItem> readVersioned(
            TableState table, long fromHash, long toHash, Item exclusiveStartKey, int limit) {
        return RangeDigests.read(store, table, fromHash, toHash, exclusiveStartKey, limit);
    }

    // ---- streams ----

    /** Stream records after {@code afterSequence}, only those whose writes are durable. */
    public List<ChangeRecord> readStream(TableState table, long afterSequence, int limit) {
        var runtime = tables.get(table.name());
        long durable = runtime == null ? afterSequence : runtime.durableSequence;
        return reads.streamRecords(table.id(), afterSequence, durable, limit);
    }

    /** The first and last sequence numbers a reader can get; first is last + 1 when the stream is empty. */
    public long[] streamBounds(TableState table) {
        long first = reads.firstStreamSequence(table.id());
        var runtime = tables.get(table.name());
        long last = runtime == null ? 0 : runtime.durableSequence;
        return new long[] {first == Long.MAX_VALUE ? last + 1 : first, last};
    }

    /** See {@link ItemCommits#streamMark}. */
    public StreamMark streamMark(TableState table) {
        return commits.streamMark(tables.get(table.name()));
    }

    // ---- tombstones ----

    /** The table's tombstone horizon: replicated writes older than it are refused (0: none). */
    public long tombstoneHorizon(TableState table) {
        return tombstoneHorizon(table.name());
    }

    private long tombstoneHorizon(String tableName) {
        var runtime = tables.get(tableName);
        return runtime == null ? 0 : runtime.tombstoneHorizon;
    }

    /**
     * Raises the table's tombstone horizon to {@code horizon} (never lowers it), durably, then deletes the
     * tombstones older than it. Returns how many were deleted.
     */
    public int collectTombstones(TableState table, long horizon) {
        var runtime = tables.get(table.name());
        if (runtime == null || runtime.state.id() != table.id()) {
            throw TableErrors.resourceNotFound(table.name());
        }
        synchronized (runtime) {
            if (horizon > runtime.tombstoneHorizon) {
                tombstones.saveHorizon(table.id(), horizon);
                // Writers read the horizon under their item's lock, and the tombstones go under the same locks
                // after this, so no replicated write that passed an old horizon finds its tombstone gone.
                runtime.tombstoneHorizon = horizon;
            }
        }
        return tombstones.collect(table, runtime.tombstoneHorizon);
    }

    /** How many tombstones the table holds; reads them all. */
    public long countTombstones(TableState table) {
        return tombstones.count(table);
    }

    /** How many items the table holds, counting keys without decoding the items. */
    public long countItems(TableState table) {
        return reads.countItems(table);
    }

    public void onChange(Consumer<String> listener) {
        commits.onChange(listener);
    }

    public int trimStreams(Duration retention) {
        long cutoff = clock.millis() - retention.toMillis();
        int trimmed = 0;
        for (var runtime : tables.values()) {
            trimmed += reads.trimStream(runtime.state.id(), cutoff);
        }
        return trimmed;
    }

    // ---- time to live ----

    public int expireItems() {
        long nowSeconds = clock.millis() / 1000;
        int expired = 0;
        for (var runtime : tables.values()) {
            var state = runtime.state;
            var attribute = state.ttlAttribute();
            if (attribute == null) {
                continue;
            }
            var candidates = new ArrayList<Item>();
            try (var cursor = read(state, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
                while (cursor.hasNext()) {
                    var item = cursor.next();
                    if (TimeToLive.isExpired(item, attribute, nowSeconds)) {
                        candidates.add(IndexKeys.keyOf(state.definition().keySchema(), item));
                    }
                }
            }
            for (var key : candidates) {
                // Deleted only if still expired: the item may have been rewritten since the scan.
                var results = write(
                        List.of(new TableStore.ItemWrite(
                                state,
                                key,
                                current -> current.filter(item -> !TimeToLive.isExpired(item, attribute, nowSeconds)))),
                        TableStore.Origin.EXPIRY);
                if (results.get(0).changed()) {
                    expired++;
                }
            }
        }
        return expired;
    }

    // ---- index backfill ----

    private void startBackfill(TableState table, String indexName) {
        backfills.start(table, indexName, () -> markIndexActive(table.name(), indexName));
    }

    private void markIndexActive(String tableName, String indexName) {
        catalogLock.lock();
        try {
            var current = tables.get(tableName);
            if (current == null || current.state.indexStatuses().get(indexName) == null) {
                return;
            }
            var statuses = new HashMap<>(current.state.indexStatuses());
            statuses.put(indexName, "ACTIVE");
            current.state = current.state.withIndexStatuses(statuses);
            persist(current.state);
        } finally {
            catalogLock.unlock();
        }
    }

    public long syncs() {
        return store.syncs();
    }

    @Override
    public void close() {
        backfills.close();
        store.close();
    }
}
