package dev.regionless.tables.engine;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.storage.DurableStore;
import dev.regionless.tables.storage.StorageException;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Small values that other services of the region keep beside the tables, in the same store, so that they are as
 * durable as the data they describe (an event source mapping's position in a stream, for instance).
 */
public final class MetaValues {
    private final DurableStore store;

    public MetaValues(DurableStore store) {
        this.store = requireNonNull(store, "store");
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(store.get(StorageKeys.meta(name)));
    }

    public void put(String name, byte[] value) {
        requireNonNull(value, "value");
        try (var batch = new WriteBatch()) {
            batch.put(StorageKeys.meta(name), value);
            store.write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("write failed: " + e.getMessage(), e);
        }
    }

    public void delete(String name) {
        try (var batch = new WriteBatch()) {
            batch.delete(StorageKeys.meta(name));
            store.write(batch);
        } catch (RocksDBException e) {
            throw new StorageException("delete failed: " + e.getMessage(), e);
        }
    }
}
