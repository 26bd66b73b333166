package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import java.math.BigDecimal;

/** Renders a table as DynamoDB's {@code TableDescription}. */
final class TableDescriptions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TableDescriptions() {}

    /**
     * @param itemCount the table's item count (DynamoDB refreshes it about every six hours; we count on demand)
     * @param sizeBytes the table's size in bytes
     */
    static ObjectNode describe(TableState table, String status, long itemCount, long sizeBytes) {
        return describe(table, status, itemCount, sizeBytes, ReplicaControl.unavailable());
    }

    /** As above; {@code replicas} tells how far a new replica's filling has got, where this region fills it. */
    static ObjectNode describe(
            TableState table, String status, long itemCount, long sizeBytes, ReplicaControl replicas) {
        var definition = table.definition();
        var description = JSON.objectNode();
        var attributes = description.putArray("AttributeDefinitions");
        definition.attributeDefinitions().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> attributes
                        .addObject()
                        .put("AttributeName", entry.getKey())
                        .put("AttributeType", entry.getValue().name()));
        description.put("TableName", table.name());
        description.set("KeySchema", keySchema(definition.keySchema()));
        description.put("TableStatus", status);
        description.put("CreationDateTime", seconds(table.createdAtMillis()));
        description.set("ProvisionedThroughput", throughput(definition.throughput()));
        description.put("TableSizeBytes", sizeBytes);
        description.put("ItemCount", itemCount);
        description.put("TableArn", table.arn());
        description.put("TableId", table.tableId());
        if (definition.billingMode() == BillingMode.PAY_PER_REQUEST) {
            description
                    .putObject("BillingModeSummary")
                    .put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(table.createdAtMillis()));
        }
        var globals =
                definition.indexes().stream().filter(IndexDefinition::global).toList();
        var locals = definition.indexes().stream().filter(i -> !i.global()).toList();
        if (!globals.isEmpty()) {
            var array = description.putArray("GlobalSecondaryIndexes");
            globals.forEach(index -> {
                var node = index(table, index, array);
                var indexStatus = table.indexStatuses().getOrDefault(index.name(), "ACTIVE");
                node.put("IndexStatus", indexStatus);
                if (indexStatus.equals("CREATING")) {
                    node.put("Backfilling", true);
                }
                node.set("ProvisionedThroughput", throughput(index.throughput()));
            });
        }
        if (!locals.isEmpty()) {
            var array = description.putArray("LocalSecondaryIndexes");
            locals.forEach(index -> index(table, index, array));
        }
        if (definition.stream().enabled()) {
            description
                    .putObject("StreamSpecification")
                    .put("StreamEnabled", true)
                    .put("StreamViewType", definition.stream().viewType().name());
        }
        if (table.streamLabel() != null) {
            description.put("LatestStreamLabel", table.streamLabel());
            description.put("LatestStreamArn", table.arn() + "/stream/" + table.streamLabel());
        }
        description.put("DeletionProtectionEnabled", definition.deletionProtection());
        if (table.isGlobal()) {
            replicas(table, description, replicas);
        }
        return description;
    }

    /**
     * A global table's replicas in the other regions, as DynamoDB lists them (the region answering is not listed).
     * The answering region is the one in the table's ARN. A replica being filled from here shows how far that has
     * got in {@code ReplicaStatusPercentProgress}.
     */
    private static void replicas(TableState table, ObjectNode description, ReplicaControl control) {
        var here = table.arn().split(":")[3];
        description.put("GlobalTableVersion", "2019.11.21");
        var array = description.putArray("Replicas");
        table.replicas().stream().filter(region -> !region.equals(here)).forEach(region -> {
            var replica = array.addObject().put("RegionName", region).put("ReplicaStatus", table.replicaStatus(region));
            if (table.replicaStatus(region).equals("CREATING")) {
                control.percentProgress(table.name(), region)
                        .ifPresent(percent -> replica.put("ReplicaStatusPercentProgress", Integer.toString(percent)));
            }
        });
    }

    private static ObjectNode index(TableState table, IndexDefinition index, ArrayNode array) {
        var node = array.addObject();
        node.put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.keySchema()));
        var projection = node.putObject("Projection");
        projection.put("ProjectionType", index.projection().type().name());
        if (!index.projection().nonKeyAttributes().isEmpty()) {
            var names = projection.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().forEach(names::add);
        }
        node.put("IndexSizeBytes", 0);
        node.put("ItemCount", 0);
        node.put("IndexArn", table.arn() + "/index/" + index.name());
        return node;
    }

    static ArrayNode keySchema(KeySchema schema) {
        var array = JSON.arrayNode();
        array.addObject().put("AttributeName", schema.partitionKey().name()).put("KeyType", "HASH");
        schema.sort()
                .ifPresent(sort ->
                        array.addObject().put("AttributeName", sort.name()).put("KeyType", "RANGE"));
        return array;
    }

    private static ObjectNode throughput(Throughput throughput) {
        return JSON.objectNode()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", throughput.readCapacityUnits())
                .put("WriteCapacityUnits", throughput.writeCapacityUnits());
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
