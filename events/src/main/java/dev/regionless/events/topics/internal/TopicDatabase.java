package dev.regionless.events.topics.internal;

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
 * The topics' RocksDB database, one column family per kind of record. A write is acknowledged once it is durable:
 * batches reach the log unsynced and then wait for a group commit, so a publish that answered has its deliveries on
 * disk, and concurrent publishers share one sync.
 */
public final class TopicDatabase implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions familyOptions;
    private final List<ColumnFamilyHandle> handles;
    private final WriteOptions unsynced = new WriteOptions().setSync(false);
    private final GroupCommit groupCommit;

    private TopicDatabase(
            RocksDB db, DBOptions options, ColumnFamilyOptions familyOptions, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.options = options;
        this.familyOptions = familyOptions;
        this.handles = handles;
        this.groupCommit = new GroupCommit("topics-" + db.getName(), () -> db.flushWal(true));
    }

    /** Opens (or creates) the database in {@code folder}; a database closed by a crash recovers from its log. */
    public static TopicDatabase open(Path folder) {
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
            return new TopicDatabase(db, options, familyOptions, handles);
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("cannot open the topics' store in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Batch batch() {
        return new Batch();
    }

    /** Applies the batch atomically and returns once it is durable. */
    public void write(Batch batch) {
        apply(batch);
        groupCommit.awaitDurable();
    }

    /** Applies the batch atomically without waiting for it to be durable: for bookkeeping a crash may lose. */
    public void apply(Batch batch) {
        try (batch) {
            db.write(unsynced, batch.batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("topic write failed: " + e.getMessage(), e);
        }
    }

    /** Returns once everything applied before the call is durable. */
    public void awaitDurable() {
        groupCommit.awaitDurable();
    }

    /** Calls {@code visitor} with every key and value of {@code family}, in key order. */
    public void scan(Family family, BiConsumer<byte[], byte[]> visitor) {
        try (var iterator = db.newIterator(handle(family))) {
            iterator.seekToFirst();
            while (iterator.isValid()) {
                visitor.accept(iterator.key(), iterator.value());
                iterator.next();
            }
        }
    }

    private ColumnFamilyHandle handle(Family family) {
        return handles.get(family.ordinal() + 1);
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
        /** Topic name to the topic: kind, attributes, tags. */
        TOPICS,
        /** Subscription ARN to the subscription. */
        SUBSCRIPTIONS,
        /** Delivery number to a delivery owed to one subscriber, with its attempts so far. */
        DELIVERIES,
        /** Topic name and deduplication id to the message a FIFO topic accepted under it, for five minutes. */
        DEDUPLICATION,
        /** The store's counters. */
        META
    }

    /** Changes to apply together; closed by {@link #apply(Batch)}. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();

        public Batch put(Family family, byte[] key, byte[] value) {
            try {
                batch.put(handle(family), key, value);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException("topic batch failed: " + e.getMessage(), e);
            }
        }

        public Batch delete(Family family, byte[] key) {
            try {
                batch.delete(handle(family), key);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException("topic batch failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
