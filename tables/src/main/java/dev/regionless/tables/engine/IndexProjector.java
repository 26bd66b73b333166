package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeySchema;
import java.util.LinkedHashMap;
import java.util.Optional;

/** What an item contributes to a secondary index: nothing if it lacks an index key (sparse indexes), else the
 * attributes the index projects. */
public final class IndexProjector {
    private IndexProjector() {}

    /** The index entry for {@code item}, or empty if the item does not appear in the index. */
    public static Optional<Item> project(IndexDefinition index, KeySchema tableKey, Item item) {
        var indexKey = index.keySchema();
        if (item.get(indexKey.partitionKey().name()).isEmpty()) {
            return Optional.empty();
        }
        if (indexKey.sort().isPresent()
                && item.get(indexKey.sort().get().name()).isEmpty()) {
            return Optional.empty();
        }
        if (index.projection().type() == IndexDefinition.ProjectionType.ALL) {
            return Optional.of(item);
        }
        var projected = new LinkedHashMap<String, AttributeValue>();
        copy(item, projected, tableKey.partitionKey().name());
        tableKey.sort().ifPresent(k -> copy(item, projected, k.name()));
        copy(item, projected, indexKey.partitionKey().name());
        indexKey.sort().ifPresent(k -> copy(item, projected, k.name()));
        if (index.projection().type() == IndexDefinition.ProjectionType.INCLUDE) {
            index.projection().nonKeyAttributes().forEach(name -> copy(item, projected, name));
        }
        return Optional.of(new Item(projected));
    }

    private static void copy(Item from, LinkedHashMap<String, AttributeValue> to, String name) {
        from.get(name).ifPresent(value -> to.put(name, value));
    }
}
