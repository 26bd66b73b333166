package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.engine.MetaValues;
import dev.regionless.tables.engine.StoredTables;
import dev.regionless.tables.storage.DurableStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A region's tables: the catalog, the items, their indexes and streams, stored durably in one RocksDB database.
 * This is the table service's public Java API; the DynamoDB wire protocol, replication and event sources all use it.
 *
 * <p>Every write is atomic and durable when the call returns: the item, its index entries and its stream record
 * are written in one batch and the log is synced (shared with concurrent writers) before the method returns.
 * Writes to one item are serialised; writes to different items run concurrently.
 */
public final class TableStore implements AutoCloseable {
    private final StoredTables tables;
    private final MetaValues meta;

    private TableStore(StoredTables tables, MetaValues meta) {
        this.tables = tables;
        this.meta = meta;
    }

    /**
     * Opens the tables stored in {@code folder}, creating an empty store if there is none.
     *
     * @param region the region name, used in ARNs and stream records
     * @param accountId the account id used in ARNs
     */
    public static TableStore open(Path folder, String region, String accountId, Clock clock) {
        var store = DurableStore.open(folder);
        return new TableStore(new StoredTables(store, region, accountId, clock), new MetaValues(store));
    }

    public String region() {
        return tables.region();
    }

    // ---- catalog ----

    /** Creates a table, or fails with {@code ResourceInUseException} if the name is taken. */
    public TableState createTable(TableDefinition definition) {
        return tables.create(definition);
    }

    /** The table's current state, if it exists. */
    public Optional<TableState> table(String name) {
        return tables.find(name);
    }

    /** The table's current state, or DynamoDB's {@code ResourceNotFoundException}. */
    public TableState requireTable(String name) {
        return tables.find(name).orElseThrow(() -> TableErrors.resourceNotFound(name));
    }

    /** The names of all tables, in ascending order. */
    public List<String> tableNames() {
        return tables.names();
    }

    /** Deletes a table and all its data; returns its state just before, marked DELETING. */
    public TableState deleteTable(String name) {
        return tables.delete(name);
    }

    /**
     * Changes a table's definition or settings. Indexes new in {@code change}'s result are created and backfilled
     * in the background (status CREATING until done); indexes it drops are deleted.
     */
    public TableState updateTable(String name, java.util.function.UnaryOperator<TableState> change) {
        return tables.update(name, change);
    }

    // ---- items ----

    /** The item with this primary key (only key attributes), if there is one. */
    public Optional<Item> getItem(String table, Item key) {
        return tables.get(requireTable(table), key);
    }

    /**
     * Reads the item with this key, computes its replacement and writes it, atomically with respect to other
     * writes to the item. {@code change} may throw (a failed condition) to write nothing.
     *
     * @return the item before and after; equal if nothing changed, in which case nothing was written
     */
    public WriteResult writeItem(String table, Item key, ItemChange change) {
        return tables.write(List.of(new ItemWrite(requireTable(table), key, change)), Origin.LOCAL)
                .get(0);
    }

    /**
     * Applies several writes all or nothing: every change is computed while all the items are locked; if any
     * throws an {@link dev.regionless.common.AwsException}, nothing is written and the failures come back, one
     * entry per write (empty for those that did not fail).
     */
    public TransactionOutcome transactWrite(List<ItemWrite> writes) {
        return tables.transact(writes);
    }

    /**
     * Applies a write replicated from another region, if it is newer by last writer wins (timestamp, then origin
     * region name) than this replica's version of the item, including a deleted item's tombstone. Repeating a write
     * or applying an older one changes nothing, so replication may deliver at least once. An applied write appears
     * in this table's stream with its origin, so stream readers see it and replication does not send it back. A
     * write older than the table's {@link #tombstoneHorizon} is refused.
     *
     * @param image the item after the write, or empty for a delete
     * @param timestamp the write's hybrid logical clock timestamp ({@link ChangeRecord#timestamp()})
     * @param origin the region that accepted the write
     * @return true if the write was applied
     */
    public boolean applyReplicated(TableState table, Item key, Optional<Item> image, long timestamp, String origin) {
        return tables.applyReplicated(table, key, image, new dev.regionless.tables.engine.Version(timestamp, origin));
    }

    /**
     * Up to {@code limit} items of a table with their versions, in storage order after {@code exclusiveStartKey}
     * ({@code null} to start at the beginning). With {@code tombstones}, reads the deleted items' versions that a
     * global table keeps instead. Each item is read together with its version, so a page never pairs an item
     * with a later write's version; pages are not one snapshot, which replication makes up for by following the
     * stream from before the first page.
     */
    public List<VersionedItem> readVersioned(TableState table, boolean tombstones, Item exclusiveStartKey, int limit) {
        return tables.readVersioned(table, tombstones, exclusiveStartKey, limit);
    }

    /**
     * Applies a batch of replicated writes in one durable commit, each by last writer wins as
     * {@link #applyReplicated(TableState, Item, Optional, long, String)} does; writes to the same item within the
     * batch are coalesced to the newest. Replication uses this to apply a whole shipment with one log sync.
     *
     * @param writes each write's key, item after the write (null for a delete), timestamp and origin
     * @return how many items changed
     */
    public int applyReplicated(TableState table, List<VersionedItem> writes) {
        return tables.applyReplicated(table, writes);
    }

    /**
     * Applies a page of a snapshot that fills a new replica: as {@link #applyReplicated(TableState, List)}, except
     * that writes older than the tombstone horizon are applied too, since a snapshot carries items however long ago
     * they were last written.
     */
    public int applySnapshot(TableState table, List<VersionedItem> writes) {
        return tables.applySnapshot(table, writes);
    }

    // ---- tombstones of global tables ----

    /**
     * The table's tombstone horizon, a hybrid logical clock timestamp (0 when it has none): replicated writes older
     * than it are refused, and tombstones older than it may be gone. Replication raises it once every replica is
     * known to have every write older than it.
     */
    public long tombstoneHorizon(TableState table) {
        return tables.tombstoneHorizon(table);
    }

    /**
     * Raises the tombstone horizon to {@code horizon} (durably; it never goes down), then deletes the tombstones
     * older than it. Only safe once no replicated write older than {@code horizon} can still be missing anywhere;
     * replication decides that.
     *
     * @return how many tombstones were deleted
     */
    public int collectTombstones(TableState table, long horizon) {
        return tables.collectTombstones(table, horizon);
    }

    /** How many items the table holds now; walks its keys (cheaper than a Scan, but not free). */
    public long countItems(TableState table) {
        return tables.countItems(table);
    }

    /** How many deleted items' tombstones a global table holds; reads them all. */
    public long countTombstones(TableState table) {
        return tables.countTombstones(table);
    }

    /**
     * The fingerprint of the items whose partition key hashes into {@code [fromHash, toHash)}: their count and a
     * digest over their keys and versions, equal in two replicas that hold the same writes there. Tombstones are
     * left out: replicas compare by what they answer.
     */
    public KeyRangeDigest digest(TableState table, long fromHash, long toHash) {
        KeyRangeDigest.requireRange(fromHash, toHash);
        return tables.digest(table, fromHash, toHash);
    }

    /**
     * Up to {@code limit} items whose partition key hashes into {@code [fromHash, toHash)}, with their versions, in
     * storage order after {@code exclusiveStartKey} ({@code null} to start at the range's beginning).
     */
    public List<VersionedItem> readVersioned(
            TableState table, long fromHash, long toHash, Item exclusiveStartKey, int limit) {
        KeyRangeDigest.requireRange(fromHash, toHash);
        return tables.readVersioned(table, fromHash, toHash, exclusiveStartKey, limit);
    }

    /** Reads items in key order from a table or an index. */
    public ItemCursor read(TableState table, ReadRange range) {
        return tables.read(table, range);
    }

    // ---- streams ----

    /**
     * Up to {@code limit} stream records of the table with sequence numbers greater than {@code afterSequence},
     * oldest first; only records whose writes are durable are returned.
     */
    public List<ChangeRecord> readStream(TableState table, long afterSequence, int limit) {
        return tables.readStream(table, afterSequence, limit);
    }

    /**
     * Where the table's stream stands for this region's own writes: each of them with a timestamp up to the mark's
     * has a stream position up to the mark's, because a local write gets its timestamp and its position together.
     */
    public StreamMark streamMark(TableState table) {
        return tables.streamMark(table);
    }

    /** The lowest and highest sequence numbers held in the table's stream (lowest > highest when empty). */
    public long[] streamBounds(TableState table) {
        return tables.streamBounds(table);
    }

    /** Calls {@code listener} with the table's name after every durable change to a table with a stream. */
    public void onChange(Consumer<String> listener) {
        tables.onChange(listener);
    }

    /** Deletes the items of tables with time to live enabled whose expiry time has passed; returns how many. */
    public int expireItems() {
        return tables.expireItems();
    }

    /** Drops stream records older than the retention period; returns how many. */
    public int trimStreams(java.time.Duration retention) {
        return tables.trimStreams(retention);
    }

    // ---- values other services keep here ----

    /**
     * The value another service of the region stored under {@code name}, if any. These values live in the tables'
     * store so that they are exactly as durable as the tables: an event source's position in a stream survives
     * every restart that the stream itself survives.
     */
    public Optional<byte[]> meta(String name) {
        return meta.get(requireNonNull(name, "name"));
    }

    /** Stores {@code value} under {@code name}, replacing any value; durable when the call returns. */
    public void putMeta(String name, byte[] value) {
        meta.put(requireNonNull(name, "name"), value);
    }

    /** Removes the value stored under {@code name}, if any; durable when the call returns. */
    public void deleteMeta(String name) {
        meta.delete(requireNonNull(name, "name"));
    }

    /** How many log syncs made writes durable; fewer than writes when they were grouped. */
    public long syncs() {
        return tables.syncs();
    }

    @Override
    public void close() {
        tables.close();
    }

    /** How an item changes: from what it is (empty if absent) to what it should be (empty to delete it). */
    @FunctionalInterface
    public interface ItemChange {
        Optional<Item> apply(Optional<Item> current);
    }

    /** One write of a transaction (or a single write). */
    public record ItemWrite(TableState table, Item key, ItemChange change) {
        public ItemWrite {
            requireNonNull(table, "table");
            requireNonNull(key, "key");
            requireNonNull(change, "change");
        }
    }

    /** An item before and after a write. */
    public record WriteResult(Optional<Item> before, Optional<Item> after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /**
     * The outcome of a transaction: the results if it was applied, or a failure (or none) per write if not.
     *
     * @param results one result per write, empty if the transaction failed
     * @param failures one entry per write, present for each write whose change threw; empty if it succeeded
     */
    public record TransactionOutcome(
            List<WriteResult> results, List<Optional<dev.regionless.common.AwsException>> failures) {
        public boolean succeeded() {
            return failures.isEmpty();
        }
    }

    /**
     * What to read.
     *
     * @param indexName the index to read, or {@code null} for the table
     * @param keyCondition the partition (and sort range) to read, or {@code null} to scan
     * @param segment the parallel scan segment (0 when not parallel)
     * @param totalSegments the number of parallel scan segments (1 when not parallel)
     * @param forward ascending sort key order (Query's ScanIndexForward)
     * @param exclusiveStartKey the key of the last item of the previous page (with index keys for an index), or
     *     {@code null}
     */
    public record ReadRange(
            String indexName,
            dev.regionless.tables.expression.KeyCondition keyCondition,
            int segment,
            int totalSegments,
            boolean forward,
            Item exclusiveStartKey) {}

    /** Where a write comes from; replication marks its writes so they are not shipped back. */
    public enum Origin {
        LOCAL,
        EXPIRY
    }
}
