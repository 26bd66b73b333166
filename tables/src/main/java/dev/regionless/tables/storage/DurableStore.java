package dev.regionless.tables.storage;

import dev.regionless.common.GroupCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A RocksDB database whose writes return only once they are durable: a write goes to the write-ahead log without
 * a sync, then waits for a group commit that syncs the log for every writer waiting at that moment. A write batch
 * is atomic, so an item, its index entries and its stream record written in one batch appear together or not at all,
 * also after a crash.
 */
public final class DurableStore implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final Options options;
    private final WriteOptions unsynced;
    private final GroupCommit groupCommit;

    private DurableStore(RocksDB db, Options options) {
        this.db = db;
        this.options = options;
        this.unsynced = new WriteOptions().setSync(false);
        this.groupCommit = new GroupCommit(db.getName(), () -> db.flushWal(true));
    }

    /** Opens (or creates) the store in {@code folder}; a store closed by a crash recovers from its log. */
    public static DurableStore open(Path folder) {
        try {
            Files.createDirectories(folder);
            var options = new Options().setCreateIfMissing(true);
            return new DurableStore(RocksDB.open(options, folder.toString()), options);
        } catch (RocksDBException | java.io.IOException e) {
            throw new StorageException("cannot open the store in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Applies the batch atomically and returns once it is durable. */
    public void write(WriteBatch batch) {
        apply(batch);
        awaitDurable();
    }

    /**
     * Applies the batch atomically, visible to readers at once but not yet durable; follow with
     * {@link #awaitDurable()} before acknowledging it. Callers that must order their writes (stream sequence
     * numbers) apply under their own lock and wait outside it.
     */
    public void apply(WriteBatch batch) {
        try {
            db.write(unsynced, batch);
        } catch (RocksDBException e) {
            throw new StorageException("write failed: " + e.getMessage(), e);
        }
    }

    /** Returns once everything applied before the call is durable. */
    public void awaitDurable() {
        try {
            groupCommit.awaitDurable();
        } catch (IllegalStateException e) {
            throw new StorageException(e.getMessage(), e.getCause());
        }
    }

    /** Removes every key in [from, to), durably. */
    public void deleteRange(byte[] from, byte[] to) {
        try (var batch = new WriteBatch()) {
            batch.deleteRange(from, to);
            write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("range delete failed: " + e.getMessage(), e);
        }
    }

    /** The value stored under {@code key}, or {@code null}. */
    public byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new StorageException("read failed: " + e.getMessage(), e);
        }
    }

    /** An iterator over the keys in byte order; the caller closes it. */
    public RocksIterator iterator() {
        return db.newIterator();
    }

    /** How many log syncs made writes durable so far; with concurrent writers, fewer than the writes. */
    public long syncs() {
        return groupCommit.syncs();
    }

    @Override
    public void close() {
        groupCommit.close();
        unsynced.close();
        db.close();
        options.close();
    }
}
