package dev.regionless.template.internal.resource;

import dev.regionless.template.IndexSpec;
import dev.regionless.template.KeySpec;
import dev.regionless.template.ThroughputSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table's {@code GlobalSecondaryIndexes} and {@code LocalSecondaryIndexes}, checked as DynamoDB checks them when it
 * creates the table, so that a template that AWS would refuse is refused here too, with its line.
 */
final class TableIndexes {

    private static final int MAX_GLOBAL = 20;
    private static final int MAX_LOCAL = 5;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final List<String> PROJECTIONS = List.of("KEYS_ONLY", "INCLUDE", "ALL");

    /** How a table type gives a global index its capacity. */
    @FunctionalInterface
    interface Capacity {
        /** The capacity of the index named {@code indexName}, or null when the table is billed per request. */
        ThroughputSpec of(Properties index, String indexName);
    }

    private final TableKeys keys;
    private final KeySpec tableKey;
    private final PropertyRules globalIndexRules;
    private final Capacity capacity;
    private final ReadContext context;
    private final Set<String> names = new HashSet<>();

    /**
     * @param globalIndexRules the properties of one entry of {@code GlobalSecondaryIndexes}, which differ between
     *     {@code AWS::DynamoDB::Table} and {@code AWS::DynamoDB::GlobalTable}
     * @param capacity how a global index's capacity is read
     */
    TableIndexes(
            TableKeys keys, KeySpec tableKey, PropertyRules globalIndexRules, Capacity capacity, ReadContext context) {
        this.keys = keys;
        this.tableKey = tableKey;
        this.globalIndexRules = globalIndexRules;
        this.capacity = capacity;
        this.context = context;
    }

    /** Reads {@code GlobalSecondaryIndexes}, already evaluated. */
    List<IndexSpec> globals(Node list) {
        var items = Values.sequence(list).items();
        if (items.size() > MAX_GLOBAL) {
            throw Values.unexpected(list, "at most " + MAX_GLOBAL + " global secondary indexes");
        }
        var indexes = new ArrayList<IndexSpec>();
        for (var item : items) {
            var index = Values.mapping(item);
            globalIndexRules.check(index, context);
            var properties = new Properties(index, context.resolver());
            var name = name(properties);
            var keySchema = keys.keySchema(properties.required("KeySchema", "the index's key elements"), context);
            indexes.add(index(properties, name, keySchema, capacity.of(properties, name)));
        }
        return indexes;
    }

    /** Reads {@code LocalSecondaryIndexes}, already evaluated. */
    List<IndexSpec> locals(Node list) {
        if (tableKey.sort().isEmpty()) {
            throw list.location()
                    .error("needs a table with a RANGE key (expected: a RANGE key in the table's KeySchema, or "
                            + "GlobalSecondaryIndexes)");
        }
        var items = Values.sequence(list).items();
        if (items.size() > MAX_LOCAL) {
            throw Values.unexpected(list, "at most " + MAX_LOCAL + " local secondary indexes");
        }
        var indexes = new ArrayList<IndexSpec>();
        for (var item : items) {
            var index = Values.mapping(item);
            TableProperties.LOCAL_INDEX.check(index, context);
            var properties = new Properties(index, context.resolver());
            var schemaNode = properties.required("KeySchema", "the table's HASH key and a RANGE key of the index's");
            var keySchema = keys.keySchema(schemaNode, context);
            var tableHash = tableKey.partitionKey().name();
            if (!keySchema.partitionKey().name().equals(tableHash)
                    || keySchema.sort().isEmpty()) {
                throw schemaNode
                        .location()
                        .error("a local index has the table's HASH key and a RANGE key of its own (expected: HASH "
                                + tableHash + ", then a RANGE key)");
            }
            indexes.add(index(properties, name(properties), keySchema, null));
        }
        return indexes;
    }

    private String name(Properties properties) {
        var nameNode = properties.required("IndexName", "3 to 255 letters, digits, '_', '-' or '.'");
        var name = Values.string(nameNode);
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(nameNode, "3 to 255 letters, digits, '_', '-' or '.'");
        }
        if (!names.add(name)) {
            throw nameNode.location().error(name + " is already the name of an index (expected: a unique index name)");
        }
        return name;
    }

    private IndexSpec index(Properties properties, String name, KeySpec keySchema, ThroughputSpec throughput) {
        var projection = Values.mapping(properties.required("Projection", "a mapping with ProjectionType"));
        TableProperties.PROJECTION.check(projection, context);
        var projectionProperties = new Properties(projection, context.resolver());
        var type = projectionType(projectionProperties);
        var nonKey = projectionProperties.strings("NonKeyAttributes").orElse(List.of());
        if (type == IndexSpec.ProjectionType.INCLUDE && nonKey.isEmpty()) {
            throw projectionProperties.missing("NonKeyAttributes", "the attributes INCLUDE adds to the index");
        }
        if (type != IndexSpec.ProjectionType.INCLUDE && projection.has("NonKeyAttributes")) {
            throw projection
                    .get("NonKeyAttributes")
                    .orElseThrow()
                    .location()
                    .error("is only allowed with ProjectionType INCLUDE (expected: no NonKeyAttributes with " + type
                            + ")");
        }
        return new IndexSpec(name, keySchema, type, nonKey, throughput);
    }

    private static IndexSpec.ProjectionType projectionType(Properties projection) {
        var node = projection.get("ProjectionType");
        if (node.isEmpty()) {
            return IndexSpec.ProjectionType.KEYS_ONLY;
        }
        var type = Values.string(node.get());
        if (!PROJECTIONS.contains(type)) {
            throw Values.unexpected(node.get(), String.join(", ", PROJECTIONS));
        }
        return IndexSpec.ProjectionType.valueOf(type);
    }
}
