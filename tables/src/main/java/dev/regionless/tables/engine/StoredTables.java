package dev.regionless.tables.engine;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import dev.regionless.tables.ItemCursor;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The tables of one store: the catalog kept in memory and in the store, and the item, index and stream writes
 * that {@link TableStore} offers. See {@link StorageKeys} for the layout.
 */
public final class StoredTables implements AutoCloseable {
    private static final DateTimeFormatter STREAM_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    /** Time to live ignores expiry times more than five years in the past, as DynamoDB does. */
    private static final long TTL_HORIZON_SECONDS = 5L * 365 * 24 * 3600;

    private final DurableStore store;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, Runtime> tables = new ConcurrentHashMap<>();
    private final ItemLocks locks = new ItemLocks();
    /** Orders stream sequence numbers with the writes that carry them. */
    private final ReentrantLock commitLock = new ReentrantLock();
    /** Serialises catalog changes. */
    private final ReentrantLock catalogLock = new ReentrantLock();

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final HybridClock hybridClock;
    private final Tombstones tombstones;
    /** Background index backfills; close() stops and waits for them, since they read the native database. */
    private final java.util.Set<Thread> backfills = ConcurrentHashMap.newKeySet();

    private volatile boolean closing;

    /** A table's state and the stream positions that change with every write. */
    private static final class Runtime {
        volatile TableState state;
        /** The last sequence number handed out; guarded by the commit lock. */
        long lastSequence;
        /** The highest sequence number whose write is durable; stream readers see no further. */
        volatile long durableSequence;
        /**
         * Replicated writes older than this (a hybrid logical clock timestamp) are refused: every replica has had
         * them, so they can only be repeats, and the tombstones that would stop them may be gone. See
         * {@link Tombstones}.
         */
        volatile long tombstoneHorizon;

        Runtime(TableState state, long lastSequence) {
            this.state = state;
            this.lastSequence = lastSequence;
            this.durableSequence = lastSequence;
        }
    }

    public StoredTables(DurableStore store, String region, String accountId, Clock clock) {
        this.store = store;
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.hybridClock = new HybridClock(clock);
        this.tombstones = new Tombstones(store, locks);
        loadCatalog();
    }

    public String region() {
        return region;
    }

    private void loadCatalog() {
        byte[][] range = StorageKeys.kindRange(StorageKeys.CATALOG);
        try (var cursor = new RangeCursor(store.iterator(), range[0], range[1], true, null)) {
            while (cursor.hasNext()) {
                var state = readState(cursor.value());
                var last = lastStreamRecord(state.id());
                var runtime = new Runtime(state, last == null ? 0 : last.sequence());
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
                        startBackfill(runtime.state.name(), name);
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
                    definition.stream().enabled() ? streamLabel(now) : null,
                    null,
                    Map.of(),
                    List.of(),
                    Map.of());
            try (var batch = new WriteBatch()) {
                batch.put(StorageKeys.catalog(definition.name()), writeState(state));
                batch.put(
                        StorageKeys.counter("table-id"),
                        ByteBuffer.allocate(8).putLong(id).array());
                store.write(batch);
            } catch (RocksDBException e) {
                throw new StorageException("cannot create table: " + e.getMessage(), e);
            }
            tables.put(definition.name(), new Runtime(state, 0));
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
                updated = updated.withStreamLabel(streamLabel(clock.millis()));
            }
            try (var batch = new WriteBatch()) {
                batch.put(StorageKeys.catalog(name), writeState(updated));
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
        added.forEach(index -> startBackfill(name, index));
        return updated;
    }

    private void persist(TableState state) {
        try (var batch = new WriteBatch()) {
            batch.put(StorageKeys.catalog(state.name()), writeState(state));
            store.write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("cannot update table: " + e.getMessage(), e);
        }
    }

    private long nextTableId() {
        byte[] last = store.get(StorageKeys.counter("table-id"));
        return last == null ? 1 : ByteBuffer.wrap(last).getLong() + 1;
    }

    private static String streamLabel(long millis) {
        return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC)
                .format(STREAM_LABEL);
    }

    private static byte[] writeState(TableState state) {
        try {
            return Json.mapper().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("table state cannot be written as JSON", e);
        }
    }

    private static TableState readState(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, TableState.class);
        } catch (IOException e) {
            throw new StorageException("corrupt catalog entry: " + e.getMessage(), e);
        }
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
            var changes = new ArrayList<Change>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                changes.add(computeChange(writes.get(i), keys.get(i)));
            }
            commit(changes, origin);
            return changes.stream().map(Change::result).toList();
        } finally {
            locks.unlock(stripes);
        }
    }

    public TableStore.TransactionOutcome transact(List<TableStore.ItemWrite> writes) {
        var keys = writes.stream().map(StoredTables::storageKey).toList();
        int[] stripes = locks.lock(keys);
        try {
            var changes = new ArrayList<Change>(writes.size());
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
            commit(changes, TableStore.Origin.LOCAL);
            return new TableStore.TransactionOutcome(
                    changes.stream().map(Change::result).toList(), List.of());
        } finally {
            locks.unlock(stripes);
        }
    }

    /**
     * Applies a write replicated from another region if it is newer than what this replica holds (the stored
     * item's version, or a deleted item's tombstone), by last writer wins. Applying the same write twice, or an
     * older one, changes nothing, so delivery may repeat.
     *
     * @return true if the write was applied
     */
    public boolean applyReplicated(TableState table, Item key, Optional<Item> image, Version version) {
        byte[] itemKey = StorageKeys.item(table.id(), table.definition().keySchema(), key);
        byte[] tombstoneKey =
                StorageKeys.tombstone(table.id(), table.definition().keySchema(), key);
        int[] stripes = locks.lock(List.of(itemKey));
        try {
            hybridClock.observe(version.timestamp());
            if (belowHorizon(table, version)) {
                return false;
            }
            byte[] stored = store.get(itemKey);
            byte[] current = stored != null ? stored : store.get(tombstoneKey);
            if (current != null && !version.isNewerThan(StoredValue.versionOf(current))) {
                return false;
            }
            Optional<Item> before = stored == null ? Optional.empty() : Optional.of(StoredValue.itemOf(stored));
            image.ifPresent(item -> IndexKeys.check(table.definition(), item));
            var write = new TableStore.ItemWrite(table, key, ignored -> image);
            var change = new Change(write, itemKey, new TableStore.WriteResult(before, image), version, true);
            commit(List.of(change), TableStore.Origin.LOCAL);
            return true;
        } finally {
            locks.unlock(stripes);
        }
    }

    /**
     * Applies several replicated writes in one durable batch, each only if it is newer than what this replica holds.
     * Writes to the same item are coalesced first (the newest wins, as it would one by one), so the stream gets one
     * record per item and batch, as DynamoDB's replication may also coalesce quick changes.
     *
     * @return how many items changed
     */
    public int applyReplicated(TableState table, List<VersionedItem> writes) {
        return applyReplicated(table, writes, true);
    }

    /**
     * As {@link #applyReplicated(TableState, List)}, but also below the tombstone horizon: a snapshot filling a new
     * replica carries the items as they are, however old their last write; the horizon the replica got from the
     * snapshot's source keeps the links' older repeats out.
     */
    public int applySnapshot(TableState table, List<VersionedItem> writes) {
        return applyReplicated(table, writes, false);
    }

    private int applyReplicated(TableState table, List<VersionedItem> writes, boolean refuseBelowHorizon) {
        var schema = table.definition().keySchema();
        var newest = new java.util.LinkedHashMap<ByteBuffer, VersionedItem>();
        for (var write : writes) {
            var key = ByteBuffer.wrap(StorageKeys.item(table.id(), schema, write.key()));
            newest.merge(key, write, (a, b) -> versionOf(b).isNewerThan(versionOf(a)) ? b : a);
        }
        var keys = newest.keySet().stream().map(ByteBuffer::array).toList();
        int[] stripes = locks.lock(keys);
        try {
            var changes = new ArrayList<Change>(newest.size());
            for (var entry : newest.entrySet()) {
                var write = entry.getValue();
                var version = versionOf(write);
                hybridClock.observe(version.timestamp());
                if (refuseBelowHorizon && belowHorizon(table, version)) {
                    continue;
                }
                byte[] itemKey = entry.getKey().array();
                byte[] stored = store.get(itemKey);
                byte[] current =
                        stored != null ? stored : store.get(StorageKeys.tombstone(table.id(), schema, write.key()));
                if (current != null && !version.isNewerThan(StoredValue.versionOf(current))) {
                    continue;
                }
                Optional<Item> before = stored == null ? Optional.empty() : Optional.of(StoredValue.itemOf(stored));
                write.item().ifPresent(item -> IndexKeys.check(table.definition(), item));
                var image = write.item();
                var itemWrite = new TableStore.ItemWrite(table, write.key(), ignored -> image);
                changes.add(new Change(itemWrite, itemKey, new TableStore.WriteResult(before, image), version, true));
            }
            if (!changes.isEmpty()) {
                commit(changes, TableStore.Origin.LOCAL);
            }
            return changes.size();
        } finally {
            locks.unlock(stripes);
        }
    }

    /** True for a replicated write older than the table's tombstone horizon; call with the item's lock held. */
    private boolean belowHorizon(TableState table, Version version) {
        var runtime = tables.get(table.name());
        return runtime != null && version.timestamp() < runtime.tombstoneHorizon;
    }

    private static Version versionOf(VersionedItem write) {
        return new Version(write.timestamp(), write.origin());
    }

    /** The version of the item with this key, or of its tombstone if it was deleted, if this replica has either. */
    public Optional<Version> versionOf(TableState table, Item key) {
        byte[] stored =
                store.get(StorageKeys.item(table.id(), table.definition().keySchema(), key));
        if (stored == null) {
            stored = store.get(
                    StorageKeys.tombstone(table.id(), table.definition().keySchema(), key));
        }
        return stored == null ? Optional.empty() : Optional.of(StoredValue.versionOf(stored));
    }

    private static byte[] storageKey(TableStore.ItemWrite write) {
        var table = write.table();
        return StorageKeys.item(table.id(), table.definition().keySchema(), write.key());
    }

    /**
     * One item's write on its way to the store.
     *
     * @param version the replicated write's version, or {@code null} for a local write, which gets a new one as it is
     *     committed
     * @param replicated true for a write applied from another region: stored even when only its version differs,
     *     so that every replica ends with the same version of an item
     */
    private record Change(
            TableStore.ItemWrite write,
            byte[] key,
            TableStore.WriteResult result,
            Version version,
            boolean replicated) {}

    private Change computeChange(TableStore.ItemWrite write, byte[] key) {
        byte[] stored = store.get(key);
        Optional<Item> before = stored == null ? Optional.empty() : Optional.of(StoredValue.itemOf(stored));
        Optional<Item> after = write.change().apply(before);
        after.ifPresent(item -> IndexKeys.check(write.table().definition(), item));
        // The version is taken when the change is committed, see commit().
        return new Change(write, key, new TableStore.WriteResult(before, after), null, false);
    }

    /**
     * Writes the changed items with their index entries and stream records in one batch, durably.
     *
     * <p>A local write gets its version here, under the commit lock, together with its stream position, so that a
     * region's own writes appear in its stream in timestamp order. Replication relies on that: once a peer has
     * acknowledged this region's stream up to a position, it has every write this region made with a smaller
     * timestamp than the next one of its own in the stream ({@link #streamMark}). The item and tombstone values,
     * which carry the version, are therefore added to the batch under the lock; everything else before it.
     */
    private void commit(List<Change> changes, TableStore.Origin origin) {
        var staged = new ArrayList<Staged>();
        var pendingRecords = new ArrayList<PendingRecord>();
        try (var batch = new WriteBatch()) {
            for (var change : changes) {
                var result = change.result();
                if (!result.changed() && !change.replicated()) {
                    continue;
                }
                var table = tables.get(change.write().table().name());
                if (table == null) {
                    throw TableErrors.resourceNotFound(change.write().table().name());
                }
                var state = table.state;
                // Only global tables keep tombstones; the key is not built on other tables' write path.
                byte[] tombstone = state.isGlobal()
                        ? StorageKeys.tombstone(
                                state.id(),
                                state.definition().keySchema(),
                                change.write().key())
                        : null;
                var stage = new Staged(change, tombstone);
                if (result.after().isPresent()) {
                    stage.body = ItemCodec.encode(result.after().get());
                    if (tombstone != null) {
                        batch.delete(tombstone);
                    }
                } else {
                    batch.delete(change.key());
                }
                staged.add(stage);
                if (!result.changed()) {
                    continue; // a replicated write that only brings the version: nothing to index or stream
                }
                writeIndexEntries(batch, state, result);
                if (state.definition().stream().enabled()) {
                    pendingRecords.add(new PendingRecord(table, change.result(), stage));
                }
            }
            if (staged.isEmpty()) {
                return;
            }
            commitLock.lock();
            try {
                for (var stage : staged) {
                    stage.addVersioned(batch);
                }
                long now = clock.millis();
                for (var pending : pendingRecords) {
                    pending.sequence = ++pending.table.lastSequence;
                    var record = toRecord(pending, now, origin);
                    batch.put(
                            StorageKeys.stream(pending.table.state.id(), pending.sequence),
                            ChangeRecordCodec.encode(record));
                }
                store.apply(batch);
            } finally {
                commitLock.unlock();
            }
        } catch (RocksDBException e) {
            throw new StorageException("write failed: " + e.getMessage(), e);
        }
        store.awaitDurable();
        for (var pending : pendingRecords) {
            synchronized (pending.table) {
                pending.table.durableSequence = Math.max(pending.table.durableSequence, pending.sequence);
            }
        }
        pendingRecords.stream()
                .map(pending -> pending.table.state.name())
                .distinct()
                .forEach(name -> listeners.forEach(listener -> listener.accept(name)));
    }

    private static final class PendingRecord {
        final Runtime table;
        final TableStore.WriteResult result;
        final Staged stage;
        long sequence;

        PendingRecord(Runtime table, TableStore.WriteResult result, Staged stage) {
            this.table = table;
            this.result = result;
            this.stage = stage;
        }
    }

    /**
     * A change's version-bearing value, added to the batch under the commit lock: the item with its version, or a
     * global table's tombstone. A local change's version is taken there.
     */
    private final class Staged {
        final Change change;
        final byte[] tombstone;
        byte[] body;
        Version version;

        Staged(Change change, byte[] tombstone) {
            this.change = change;
            this.tombstone = tombstone;
            this.version = change.version();
        }

        /** Call with the commit lock held. */
        void addVersioned(WriteBatch batch) throws RocksDBException {
            if (version == null) {
                version = new Version(hybridClock.now(), region);
            }
            if (body != null) {
                batch.put(change.key(), StoredValue.encode(version, body));
            } else if (tombstone != null) {
                batch.put(tombstone, StoredValue.encode(version, (byte[]) null));
            }
        }
    }

    private static ChangeRecord toRecord(PendingRecord pending, long now, TableStore.Origin origin) {
        var before = pending.result.before();
        var after = pending.result.after();
        var eventName = before.isEmpty()
                ? ChangeRecord.EventName.INSERT
                : after.isEmpty() ? ChangeRecord.EventName.REMOVE : ChangeRecord.EventName.MODIFY;
        var keys = IndexKeys.keyOf(pending.table.state.definition().keySchema(), after.orElseGet(before::get));
        return new ChangeRecord(
                pending.sequence,
                eventName,
                keys,
                before.orElse(null),
                after.orElse(null),
                now,
                origin == TableStore.Origin.EXPIRY,
                pending.stage.version.timestamp(),
                pending.stage.version.origin());
    }

    private static void writeIndexEntries(WriteBatch batch, TableState state, TableStore.WriteResult result)
            throws RocksDBException {
        var definition = state.definition();
        for (var index : definition.indexes()) {
            var oldEntry = result.before().flatMap(item -> IndexProjector.project(index, definition.keySchema(), item));
            var newEntry = result.after().flatMap(item -> IndexProjector.project(index, definition.keySchema(), item));
            byte[] oldKey = oldEntry.map(item -> indexKey(state, index, item)).orElse(null);
            byte[] newKey = newEntry.map(item -> indexKey(state, index, item)).orElse(null);
            if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
                batch.delete(oldKey);
            }
            if (newKey != null) {
                batch.put(newKey, ItemCodec.encode(newEntry.get()));
            }
        }
    }

    private static byte[] indexKey(TableState state, IndexDefinition index, Item item) {
        return StorageKeys.indexEntry(
                state.id(),
                index.number(),
                index.keySchema(),
                state.definition().keySchema(),
                item);
    }

    // ---- reads ----

    public ItemCursor read(TableState table, TableStore.ReadRange range) {
        var definition = table.definition();
        byte[] prefix;
        byte[] start = null;
        if (range.indexName() != null) {
            var index = definition
                    .index(range.indexName())
                    .orElseThrow(() -> new IllegalArgumentException("no index " + range.indexName()));
            prefix = StorageKeys.indexPrefix(table.id(), index.number());
            if (range.exclusiveStartKey() != null) {
                start = indexKey(table, index, range.exclusiveStartKey());
            }
        } else {
            prefix = StorageKeys.tablePrefix(StorageKeys.ITEM, table.id());
            if (range.exclusiveStartKey() != null) {
                start = StorageKeys.item(table.id(), definition.keySchema(), range.exclusiveStartKey());
            }
        }
        byte[][] bounds;
        if (range.keyCondition() != null) {
            bounds = KeyRanges.of(prefix, range.keyCondition());
        } else {
            long hashes = 1L << 32;
            bounds = new byte[][] {
                StorageKeys.hashBoundary(prefix, hashes * range.segment() / range.totalSegments()),
                StorageKeys.hashBoundary(prefix, hashes * (range.segment() + 1) / range.totalSegments())
            };
        }
        var cursor = new RangeCursor(store.iterator(), bounds[0], bounds[1], range.forward(), start);
        boolean index = range.indexName() != null;
        return new ItemCursor() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Item next() {
                cursor.key();
                var item = index ? ItemCodec.decode(cursor.value()) : StoredValue.itemOf(cursor.value());
                cursor.advance();
                return item;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    public List<VersionedItem> readVersioned(TableState table, boolean tombstones, Item exclusiveStartKey, int limit) {
        var schema = table.definition().keySchema();
        byte kind = tombstones ? StorageKeys.TOMBSTONE : StorageKeys.ITEM;
        byte[] prefix = StorageKeys.tablePrefix(kind, table.id());
        byte[] start = exclusiveStartKey == null
                ? null
                : tombstones
                        ? StorageKeys.tombstone(table.id(), schema, exclusiveStartKey)
                        : StorageKeys.item(table.id(), schema, exclusiveStartKey);
        var page = new ArrayList<VersionedItem>();
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, start)) {
            while (cursor.hasNext() && page.size() < limit) {
                var stored = StoredValue.decode(cursor.value());
                var key = stored.item() == null
                        ? StorageKeys.keyOf(cursor.key(), schema)
                        : IndexKeys.keyOf(schema, stored.item());
                page.add(new VersionedItem(
                        key,
                        stored.item(),
                        stored.version().timestamp(),
                        stored.version().origin()));
                cursor.advance();
            }
        }
        return page;
    }

    public dev.regionless.tables.KeyRangeDigest digest(TableState table, long fromHash, long toHash) {
        return RangeDigests.digest(store, table, fromHash, toHash);
    }

    public List<VersionedItem> readVersioned(
            TableState table, long fromHash, long toHash, Item exclusiveStartKey, int limit) {
        return RangeDigests.read(store, table, fromHash, toHash, exclusiveStartKey, limit);
    }

    // ---- streams ----

    public List<ChangeRecord> readStream(TableState table, long afterSequence, int limit) {
        var runtime = tables.get(table.name());
        long durable = runtime == null ? afterSequence : runtime.durableSequence;
        var records = new ArrayList<ChangeRecord>();
        if (durable <= afterSequence) {
            return records;
        }
        byte[] from = StorageKeys.stream(table.id(), afterSequence + 1);
        byte[] to = StorageKeys.stream(table.id(), durable + 1);
        try (var cursor = new RangeCursor(store.iterator(), from, to, true, null)) {
            while (cursor.hasNext() && records.size() < limit) {
                records.add(ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value()));
                cursor.advance();
            }
        }
        return records;
    }

    public long[] streamBounds(TableState table) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, table.id());
        long first;
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
            first = cursor.hasNext() ? StorageKeys.streamSequence(cursor.key()) : Long.MAX_VALUE;
        }
        var runtime = tables.get(table.name());
        long last = runtime == null ? 0 : runtime.durableSequence;
        return new long[] {first == Long.MAX_VALUE ? last + 1 : first, last};
    }

    private ChangeRecord lastStreamRecord(long tableId) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, tableId);
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), false, null)) {
            return cursor.hasNext()
                    ? ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value())
                    : null;
        }
    }

    /**
     * The table's last stream position handed out and the largest timestamp this region has issued or seen, read
     * together under the commit lock: every write this region accepted with a timestamp up to {@code timestamp}
     * has a stream position up to {@code sequence} (local versions are taken with their positions, see
     * {@link #commit}).
     */
    public dev.regionless.tables.StreamMark streamMark(TableState table) {
        commitLock.lock();
        try {
            var runtime = tables.get(table.name());
            long sequence = runtime == null ? 0 : runtime.lastSequence;
            return new dev.regionless.tables.StreamMark(sequence, hybridClock.last());
        } finally {
            commitLock.unlock();
        }
    }

    // ---- tombstones ----

    /** The table's tombstone horizon: replicated writes older than it are refused (0: none). */
    public long tombstoneHorizon(TableState table) {
        var runtime = tables.get(table.name());
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
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.ITEM, table.id());
        long count = 0;
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
            while (cursor.hasNext()) {
                count++;
                cursor.advance();
            }
        }
        return count;
    }

    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    public int trimStreams(Duration retention) {
        long cutoff = clock.millis() - retention.toMillis();
        int trimmed = 0;
        for (var runtime : tables.values()) {
            var state = runtime.state;
            byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, state.id());
            byte[] end = null;
            int count = 0;
            try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
                while (cursor.hasNext()) {
                    var record = ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value());
                    if (record.createdAtMillis() >= cutoff) {
                        break;
                    }
                    end = cursor.key().clone();
                    count++;
                    cursor.advance();
                }
            }
            if (end != null) {
                store.deleteRange(prefix, StorageKeys.successor(end));
                trimmed += count;
            }
        }
        return trimmed;
    }

    // ---- time to live ----

    public int expireItems() {
        long nowSeconds = clock.millis() / 1000;
        int expired = 0;
        for (var runtime : tables.values()) {
            var state = runtime.state;
            if (state.ttlAttribute() == null) {
                continue;
            }
            var candidates = new ArrayList<Item>();
            try (var cursor = read(state, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
                while (cursor.hasNext()) {
                    var item = cursor.next();
                    if (isExpired(item, state.ttlAttribute(), nowSeconds)) {
                        candidates.add(IndexKeys.keyOf(state.definition().keySchema(), item));
                    }
                }
            }
            for (var key : candidates) {
                var results = write(
                        List.of(new TableStore.ItemWrite(
                                state,
                                key,
                                current -> current.filter(item -> !isExpired(item, state.ttlAttribute(), nowSeconds)))),
                        TableStore.Origin.EXPIRY);
                if (results.get(0).changed()) {
                    expired++;
                }
            }
        }
        return expired;
    }

    private static boolean isExpired(Item item, String attribute, long nowSeconds) {
        return item.get(attribute)
                .filter(AttributeValue.N.class::isInstance)
                .map(value -> ((AttributeValue.N) value).value())
                .filter(expiry -> expiry.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                        && expiry.compareTo(BigDecimal.valueOf(nowSeconds - TTL_HORIZON_SECONDS)) > 0)
                .isPresent();
    }

    // ---- index backfill ----

    private void startBackfill(String tableName, String indexName) {
        var thread = Thread.ofVirtual()
                .name("backfill-" + tableName + "-" + indexName)
                .unstarted(() -> {
                    try {
                        backfill(tableName, indexName);
                    } finally {
                        backfills.remove(Thread.currentThread());
                    }
                });
        backfills.add(thread);
        thread.start();
    }

    private void backfill(String tableName, String indexName) {
        var runtime = tables.get(tableName);
        if (runtime == null) {
            return;
        }
        var state = runtime.state;
        var index = state.definition().index(indexName).orElse(null);
        if (index == null) {
            return;
        }
        var keys = new ArrayList<Item>();
        try (var cursor = read(state, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
            while (cursor.hasNext() && !closing) {
                keys.add(IndexKeys.keyOf(state.definition().keySchema(), cursor.next()));
            }
        }
        for (var key : keys) {
            if (closing) {
                break;
            }
            byte[] itemKey = StorageKeys.item(state.id(), state.definition().keySchema(), key);
            int[] stripes = locks.lock(List.of(itemKey));
            try {
                byte[] stored = store.get(itemKey);
                if (stored == null) {
                    continue;
                }
                var item = StoredValue.itemOf(stored);
                var entry = IndexProjector.project(index, state.definition().keySchema(), item);
                if (entry.isPresent() && IndexKeys.fits(index, state.definition(), item)) {
                    try (var batch = new WriteBatch()) {
                        batch.put(indexKey(state, index, entry.get()), ItemCodec.encode(entry.get()));
                        store.write(batch);
                    } catch (RocksDBException e) {
                        throw new StorageException("backfill failed: " + e.getMessage(), e);
                    }
                }
            } finally {
                locks.unlock(stripes);
            }
        }
        if (closing) {
            return; // resumed at the next start: the index is still CREATING in the catalog
        }
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
        closing = true;
        for (var thread : backfills) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }
}
