package dev.regionless.tables.engine;

import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Writes replicated from other regions, applied by last writer wins on the items' versions (a deleted item's version
 * is its tombstone's), and refused below the table's tombstone horizon (see {@link Tombstones}).
 */
final class ReplicatedWrites {
    private final DurableStore store;
    private final ItemLocks locks;
    private final HybridClock hybridClock;
    private final ItemCommits commits;
    private final ToLongFunction<String> horizons;

    /** @param horizons a table's tombstone horizon by name */
    ReplicatedWrites(
            DurableStore store,
            ItemLocks locks,
            HybridClock hybridClock,
            ItemCommits commits,
            ToLongFunction<String> horizons) {
        this.store = store;
        this.locks = locks;
        this.hybridClock = hybridClock;
        this.commits = commits;
        this.horizons = horizons;
    }

    /**
     * Applies a write replicated from another region if it is newer than what this replica holds (the stored
     * item's version, or a deleted item's tombstone), by last writer wins. Applying the same write twice, or an
     * older one, changes nothing, so delivery may repeat.
     *
     * @return true if the write was applied
     */
    boolean apply(TableState table, Item key, Optional<Item> image, Version version) {
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
            var change = new ItemChange(write, itemKey, new TableStore.WriteResult(before, image), version, true);
            commits.commit(List.of(change), TableStore.Origin.LOCAL);
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
     * @param refuseBelowHorizon false for a snapshot filling a new replica, which carries items however old
     * @return how many items changed
     */
    int apply(TableState table, List<VersionedItem> writes, boolean refuseBelowHorizon) {
        var schema = table.definition().keySchema();
        var newest = new LinkedHashMap<ByteBuffer, VersionedItem>();
        for (var write : writes) {
            var key = ByteBuffer.wrap(StorageKeys.item(table.id(), schema, write.key()));
            newest.merge(key, write, (a, b) -> versionOf(b).isNewerThan(versionOf(a)) ? b : a);
        }
        var keys = newest.keySet().stream().map(ByteBuffer::array).toList();
        int[] stripes = locks.lock(keys);
        try {
            var changes = new ArrayList<ItemChange>(newest.size());
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
                changes.add(
                        new ItemChange(itemWrite, itemKey, new TableStore.WriteResult(before, image), version, true));
            }
            if (!changes.isEmpty()) {
                commits.commit(changes, TableStore.Origin.LOCAL);
            }
            return changes.size();
        } finally {
            locks.unlock(stripes);
        }
    }

    /** True for a replicated write older than the table's tombstone horizon; call with the item's lock held. */
    private boolean belowHorizon(TableState table, Version version) {
        return version.timestamp() < horizons.applyAsLong(table.name());
    }

    private static Version versionOf(VersionedItem write) {
        return new Version(write.timestamp(), write.origin());
    }

    /** The version of the item with this key, or of its tombstone if it was deleted, if this replica has either. */
    Optional<Version> versionOf(TableState table, Item key) {
        byte[] stored =
                store.get(StorageKeys.item(table.id(), table.definition().keySchema(), key));
        if (stored == null) {
            stored = store.get(
                    StorageKeys.tombstone(table.id(), table.definition().keySchema(), key));
        }
        return stored == null ? Optional.empty() : Optional.of(StoredValue.versionOf(stored));
    }
}
