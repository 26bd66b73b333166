package dev.regionless.tables.engine;

import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.TableState;
import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** The secondary index entries that follow an item's change: each index's projection of the item, under its key. */
final class IndexEntries {
    private IndexEntries() {}

    /** Adds to the batch the index entries an item's change removes, moves or adds. */
    static void update(WriteBatch batch, TableState state, TableStore.WriteResult result) throws RocksDBException {
        var definition = state.definition();
        for (var index : definition.indexes()) {
            var oldEntry = result.before().flatMap(item -> IndexProjector.project(index, definition.keySchema(), item));
            var newEntry = result.after().flatMap(item -> IndexProjector.project(index, definition.keySchema(), item));
            byte[] oldKey = oldEntry.map(item -> key(state, index, item)).orElse(null);
            byte[] newKey = newEntry.map(item -> key(state, index, item)).orElse(null);
            if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
                batch.delete(oldKey);
            }
            if (newKey != null) {
                batch.put(newKey, ItemCodec.encode(newEntry.get()));
            }
        }
    }

    static byte[] key(TableState state, IndexDefinition index, Item item) {
        return StorageKeys.indexEntry(
                state.id(),
                index.number(),
                index.keySchema(),
                state.definition().keySchema(),
                item);
    }
}
