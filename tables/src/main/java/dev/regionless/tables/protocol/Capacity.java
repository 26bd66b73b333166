package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.Item;
import java.util.Optional;

/**
 * Capacity units as DynamoDB counts them: a write is one unit per started KB of the larger of the old and new item;
 * a read is one unit per started 4 KB, half for eventually consistent reads; Query and Scan round the total size
 * read, not each item. Transactions count double.
 */
final class Capacity {
    private Capacity() {}

    static double writeUnits(Optional<Item> before, Optional<Item> after) {
        int size =
                Math.max(before.map(Item::size).orElse(0), after.map(Item::size).orElse(0));
        return Math.max(1, Math.ceil(size / 1024.0));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /** The {@code ConsumedCapacity} member, or null when the request did not ask for it. */
    static ObjectNode consumed(
            String returnConsumedCapacity, String table, double units, double readUnits, double writeUnits) {
        if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
            return null;
        }
        var node = JsonNodeFactory.instance.objectNode();
        node.put("TableName", table);
        node.put("CapacityUnits", units);
        if (readUnits > 0) {
            node.put("ReadCapacityUnits", readUnits);
        }
        if (writeUnits > 0) {
            node.put("WriteCapacityUnits", writeUnits);
        }
        if (returnConsumedCapacity.equals("INDEXES")) {
            node.putObject("Table").put("CapacityUnits", units);
        }
        return node;
    }
}
