package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the {@code ConsumedCapacity} of the item API requests a PartiQL request ran, per table, so a statement
 * that became several reads, or a batch of statements, reports what they used together.
 */
final class CapacityTotals {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] UNITS = {"CapacityUnits", "ReadCapacityUnits", "WriteCapacityUnits"};

    private final Map<String, ObjectNode> byTable = new LinkedHashMap<>();

    /** Adds a response's {@code ConsumedCapacity}: one object, or a list of them; nothing if absent. */
    void add(JsonNode response) {
        var consumed = response.get("ConsumedCapacity");
        if (consumed == null) {
            return;
        }
        if (consumed.isArray()) {
            consumed.forEach(this::addOne);
        } else {
            addOne(consumed);
        }
    }

    private void addOne(JsonNode consumed) {
        var table = consumed.path("TableName").asText();
        var total = byTable.get(table);
        if (total == null) {
            byTable.put(table, consumed.deepCopy());
            return;
        }
        for (var unit : UNITS) {
            if (consumed.has(unit)) {
                total.put(unit, total.path(unit).asDouble() + consumed.get(unit).asDouble());
            }
        }
        if (consumed.has("Table")) {
            var units = total.path("Table").path("CapacityUnits").asDouble()
                    + consumed.get("Table").path("CapacityUnits").asDouble();
            total.putObject("Table").put("CapacityUnits", units);
        }
    }

    /** The single table's total as {@code ConsumedCapacity}, if any was reported. */
    void putSingle(ObjectNode response) {
        byTable.values().stream().findFirst().ifPresent(total -> response.set("ConsumedCapacity", total));
    }

    /** Every table's total as a {@code ConsumedCapacity} list, if any was reported. */
    void putList(ObjectNode response) {
        if (!byTable.isEmpty()) {
            ArrayNode list = JSON.arrayNode();
            byTable.values().forEach(list::add);
            response.set("ConsumedCapacity", list);
        }
    }
}
