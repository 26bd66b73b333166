package dev.regionless.queues.storage;

import dev.regionless.common.GroupCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The queues' RocksDB database, one column family per kind of record, whose writes are acknowledged only once they
 * are durable: a batch goes to the write-ahead log unsynced, then waits for a group commit that syncs the log for
 * every writer waiting at that moment. A batch is atomic, so a message moved to a dead-letter queue is in exactly
 * one of the two queues, also after a crash.
 */
public final class QueueDatabase implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions familyOptions;
    private final List<ColumnFamilyHandle> handles;
    private final WriteOptions unsynced = new WriteOptions().setSync(false);
    private final GroupCommit groupCommit;

    private QueueDatabase(
            RocksDB db, DBOptions options, ColumnFamilyOptions familyOptions, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.options = options;
        this.familyOptions = familyOptions;
        this.handles = handles;
        this.groupCommit = new GroupCommit("queues-" + db.getName(), () -> db.flushWal(true));
    }

    /** Opens (or creates) the database in {@code folder}; a database closed by a crash recovers from its log. */
    public static QueueDatabase open(Path folder) {
        try {
            Files.createDirectories(folder);
            var options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
            var familyOptions = new ColumnFamilyOptions();
            var descriptors = new ArrayList<ColumnFamilyDescriptor>();
            descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
            for (var family : Family.values()) {
                descriptors.add(new ColumnFamilyDescriptor(
                        family.name().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                        familyOptions));
            }
            var handles = new ArrayList<ColumnFamilyHandle>();
            var db = RocksDB.open(options, folder.toString(), descriptors, handles);
            return new QueueDatabase(db, options, familyOptions, handles);
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("cannot open the queues' store in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A batch of changes to apply atomically with {@link #write(Batch)}. */
    public Batch batch() {
        return new Batch();
    }

    /** Applies the batch atomically and returns once it is durable. */
    public void write(Batch batch) {
        apply(batch);
        awaitDurable();
    }

    /**
     * Applies the batch atomically, visible to readers at once but not durable yet: follow with
     * {@link #awaitDurable()} before acknowledging it. Lets a queue apply under its lock and wait outside it.
     */
    public void apply(Batch batch) {
        try (batch) {
            db.write(unsynced, batch.batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("queue write failed: " + e.getMessage(), e);
        }
    }

    /** Returns once everything applied before the call is durable. */
    public void awaitDurable() {
        groupCommit.awaitDurable();
    }

    /** The value under {@code key} in {@code family}, or {@code null}. */
    public byte[] get(Family family, byte[] key) {
        try {
            return db.get(handle(family), key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("queue read failed: " + e.getMessage(), e);
        }
    }

    /** Calls {@code visitor} with every key and value of {@code family} that starts with {@code prefix}, in order. */
    public void scan(Family family, byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
        try (var iterator = db.newIterator(handle(family))) {
            iterator.seek(prefix);
            while (iterator.isValid() && startsWith(iterator.key(), prefix)) {
                visitor.accept(iterator.key(), iterator.value());
                iterator.next();
            }
        }
    }

    /** How many log syncs made writes durable so far. */
    public long syncs() {
        return groupCommit.syncs();
    }

    private ColumnFamilyHandle handle(Family family) {
        return handles.get(family.ordinal() + 1);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        groupCommit.close();
        unsynced.close();
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        familyOptions.close();
    }

    /** The kinds of records, each in its own column family. */
    public enum Family {
        /** Queue name to the queue's settings and tags. */
        QUEUES,
        /** Queue id and message number to the message as sent: body, attributes, timestamps. */
        MESSAGES,
        /** Queue id and message number to what changes as the message is received: visibility, receive count. */
        STATES,
        /** Queue id and deduplication key to the message a FIFO queue accepted under it, for five minutes. */
        DEDUPLICATION,
        /** Settings of the store itself: the receipt handle key, the id counters. */
        META,
        /** Message move tasks by start time: their settings, status and progress. */
        MOVE_TASKS
    }

    /** Changes to apply together; closed by {@link #apply(Batch)}. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();

        public Batch put(Family family, byte[] key, byte[] value) {
            try {
                batch.put(handle(family), key, value);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException("queue batch failed: " + e.getMessage(), e);
            }
        }

        public Batch delete(Family family, byte[] key) {
            try {
                batch.delete(handle(family), key);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException("queue batch failed: " + e.getMessage(), e);
            }
        }

        /** Deletes every key of {@code family} in [from, to). */
        public Batch deleteRange(Family family, byte[] from, byte[] to) {
            try {
                batch.deleteRange(handle(family), from, to);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException("queue batch failed: " + e.getMessage(), e);
            }
        }

        public boolean isEmpty() {
            return batch.count() == 0;
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
