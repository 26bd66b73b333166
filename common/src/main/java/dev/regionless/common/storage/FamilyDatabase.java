package dev.regionless.common.storage;

import dev.regionless.common.GroupCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * A RocksDB database with one column family per constant of {@code F}, whose writes are acknowledged only once they
 * are durable: a batch goes to the write-ahead log unsynced, then waits for a group commit that syncs the log for
 * every writer waiting at that moment. A batch is atomic, also across a crash.
 *
 * @param <F> the kinds of records, each in its own column family named after the constant
 */
public class FamilyDatabase<F extends Enum<F>> implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final String what;
    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions familyOptions;
    private final List<ColumnFamilyHandle> handles;
    private final WriteOptions unsynced = new WriteOptions().setSync(false);
    private final GroupCommit groupCommit;

    /**
     * Opens (or creates) the database in {@code folder}; a database closed by a crash recovers from its log.
     *
     * @param what what the database holds, for thread names and error messages ("queues", "topics")
     */
    protected FamilyDatabase(Path folder, Class<F> families, String what) {
        this.what = what;
        this.options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        this.familyOptions = new ColumnFamilyOptions();
        var descriptors = new ArrayList<ColumnFamilyDescriptor>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (var family : families.getEnumConstants()) {
            descriptors.add(new ColumnFamilyDescriptor(
                    family.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), familyOptions));
        }
        this.handles = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            this.db = RocksDB.open(options, folder.toString(), descriptors, handles);
        } catch (RocksDBException | IOException e) {
            options.close();
            familyOptions.close();
            throw new IllegalStateException(
                    "cannot open the " + what + "' store in " + folder + ": " + e.getMessage(), e);
        }
        this.groupCommit = new GroupCommit(what + "-" + db.getName(), () -> db.flushWal(true));
    }

    /** A batch of changes to apply atomically with {@link #write(Batch)} or {@link #apply(Batch)}. */
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
     * {@link #awaitDurable()} before acknowledging it (or use it alone for bookkeeping a crash may lose).
     */
    public void apply(Batch batch) {
        try (batch) {
            db.write(unsynced, batch.batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException(what + " write failed: " + e.getMessage(), e);
        }
    }

    /** Returns once everything applied before the call is durable. */
    public void awaitDurable() {
        groupCommit.awaitDurable();
    }

    /** The value under {@code key} in {@code family}, or {@code null}. */
    public byte[] get(F family, byte[] key) {
        try {
            return db.get(handle(family), key);
        } catch (RocksDBException e) {
            throw new IllegalStateException(what + " read failed: " + e.getMessage(), e);
        }
    }

    /** Calls {@code visitor} with every key and value of {@code family}, in key order. */
    public void scan(F family, BiConsumer<byte[], byte[]> visitor) {
        scan(family, new byte[0], visitor);
    }

    /** Calls {@code visitor} with every key and value of {@code family} that starts with {@code prefix}, in order. */
    public void scan(F family, byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
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

    private ColumnFamilyHandle handle(F family) {
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

    /** Changes to apply together; closed by {@link #apply(Batch)}. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();

        public Batch put(F family, byte[] key, byte[] value) {
            try {
                batch.put(handle(family), key, value);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException(what + " batch failed: " + e.getMessage(), e);
            }
        }

        public Batch delete(F family, byte[] key) {
            try {
                batch.delete(handle(family), key);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException(what + " batch failed: " + e.getMessage(), e);
            }
        }

        /** Deletes every key of {@code family} in [from, to). */
        public Batch deleteRange(F family, byte[] from, byte[] to) {
            try {
                batch.deleteRange(handle(family), from, to);
                return this;
            } catch (RocksDBException e) {
                throw new IllegalStateException(what + " batch failed: " + e.getMessage(), e);
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
