package dev.regionless.tables.engine;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.StreamMark;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Commits item changes: each changed item with its index entries and stream record, in one durable batch.
 *
 * <p>A local write gets its version here, under the commit lock, together with its stream position, so that a
 * region's own writes appear in its stream in timestamp order. Replication relies on that: once a peer has
 * acknowledged this region's stream up to a position, it has every write this region made with a smaller timestamp
 * than the next one of its own in the stream ({@link #streamMark}). The item and tombstone values, which carry the
 * version, are therefore added to the batch under the lock; everything else before it.
 */
final class ItemCommits {
    private final DurableStore store;
    private final String region;
    private final Clock clock;
    private final HybridClock hybridClock;
    private final Function<String, TableRuntime> tables;
    /** Orders stream sequence numbers with the writes that carry them. */
    private final ReentrantLock commitLock = new ReentrantLock();

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** @param tables a table's runtime by name, or null if there is no such table */
    ItemCommits(
            DurableStore store,
            String region,
            Clock clock,
            HybridClock hybridClock,
            Function<String, TableRuntime> tables) {
        this.store = store;
        this.region = region;
        this.clock = clock;
        this.hybridClock = hybridClock;
        this.tables = tables;
    }

    /** Called with a table's name after writes to it became durable and readable on its stream. */
    void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Writes the changes durably; call with the changed items' locks held. */
    void commit(List<ItemChange> changes, TableStore.Origin origin) {
        var staged = new ArrayList<Staged>();
        var pendingRecords = new ArrayList<PendingRecord>();
        try (var batch = new WriteBatch()) {
            for (var change : changes) {
                var result = change.result();
                if (!result.changed() && !change.replicated()) {
                    continue;
                }
                var table = tables.apply(change.write().table().name());
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
                IndexEntries.update(batch, state, result);
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
                    batch.put(
                            StorageKeys.stream(pending.table.state.id(), pending.sequence),
                            ChangeRecordCodec.encode(pending.toRecord(now, origin)));
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

    /**
     * The table's last stream position handed out and the largest timestamp this region has issued or seen, read
     * together under the commit lock: every write this region accepted with a timestamp up to {@code timestamp} has
     * a stream position up to {@code sequence}.
     */
    StreamMark streamMark(TableRuntime table) {
        commitLock.lock();
        try {
            return new StreamMark(table == null ? 0 : table.lastSequence, hybridClock.last());
        } finally {
            commitLock.unlock();
        }
    }

    /** A stream record on its way: its position is taken under the commit lock. */
    private static final class PendingRecord {
        final TableRuntime table;
        final TableStore.WriteResult result;
        final Staged stage;
        long sequence;

        PendingRecord(TableRuntime table, TableStore.WriteResult result, Staged stage) {
            this.table = table;
            this.result = result;
            this.stage = stage;
        }

        ChangeRecord toRecord(long now, TableStore.Origin origin) {
            var before = result.before();
            var after = result.after();
            var eventName = before.isEmpty()
                    ? ChangeRecord.EventName.INSERT
                    : after.isEmpty() ? ChangeRecord.EventName.REMOVE : ChangeRecord.EventName.MODIFY;
            var keys = IndexKeys.keyOf(table.state.definition().keySchema(), after.orElseGet(before::get));
            return new ChangeRecord(
                    sequence,
                    eventName,
                    keys,
                    before.orElse(null),
                    after.orElse(null),
                    now,
                    origin == TableStore.Origin.EXPIRY,
                    stage.version.timestamp(),
                    stage.version.origin());
        }
    }

    /**
     * A change's version-bearing value, added to the batch under the commit lock: the item with its version, or a
     * global table's tombstone. A local change's version is taken there.
     */
    private final class Staged {
        final ItemChange change;
        final byte[] tombstone;
        byte[] body;
        Version version;

        Staged(ItemChange change, byte[] tombstone) {
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
}
