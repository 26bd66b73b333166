package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableDefinition;
import java.util.LinkedHashMap;

/** Key attributes of items: extracting them, and the rules an item's secondary index keys must follow. */
public final class IndexKeys {
    private IndexKeys() {}

    /** The item's primary key attributes alone. */
    public static Item keyOf(KeySchema schema, Item item) {
        var key = new LinkedHashMap<String, AttributeValue>();
        key.put(
                schema.partitionKey().name(),
                item.get(schema.partitionKey().name()).orElseThrow());
        schema.sort()
                .ifPresent(sort -> key.put(sort.name(), item.get(sort.name()).orElseThrow()));
        return new Item(key);
    }

    /**
     * Rejects an item whose value for an index key attribute has the wrong type or is empty, with DynamoDB's
     * texts; an item without the attribute is fine (it is not in that index).
     */
    public static void check(TableDefinition table, Item item) {
        for (var index : table.indexes()) {
            checkElement(index, index.keySchema().partitionKey(), item);
            index.keySchema().sort().ifPresent(sort -> checkElement(index, sort, item));
        }
    }

    /** True if {@link #check} would accept the item for this index. */
    static boolean fits(IndexDefinition index, TableDefinition table, Item item) {
        try {
            check(table.withIndexes(java.util.List.of(index)), item);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkElement(IndexDefinition index, KeyElement element, Item item) {
        var value = item.get(element.name());
        if (value.isEmpty()) {
            return;
        }
        var actual = value.get().typeName();
        if (!actual.equals(element.type().name())) {
            throw TableErrors.invalidParameter("Type mismatch for Index Key " + element.name() + " Expected: "
                    + element.type().name() + " Actual: " + actual + " IndexName: " + index.name());
        }
        boolean empty = value.get() instanceof AttributeValue.S s && s.value().isEmpty()
                || value.get() instanceof AttributeValue.B b && b.value().length() == 0;
        if (empty) {
            throw TableErrors.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
                    + "an empty " + (actual.equals("S") ? "string" : "binary") + " value. IndexName: "
                    + index.name() + ", IndexKey: " + element.name());
        }
    }
}
