package dev.regionless.template.internal.resource;

import dev.regionless.template.TableSpec;
import dev.regionless.template.ThroughputSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the honoured properties of an {@code AWS::DynamoDB::Table} into a {@link TableSpec}. */
final class TableReader {

    private static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final List<String> VIEW_TYPES = List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");

    private TableReader() {}

    static TableSpec read(ResourceEntry resource, String tableName, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        var keys = TableKeys.read(
                properties.required("AttributeDefinitions", "the name and type of each key attribute"), context);
        var keySchema = keys.keySchema(
                properties.required("KeySchema", "a HASH key element, then optionally a RANGE key element"), context);
        var throughput = throughput(properties, context);
        var provisioned = throughput != null;
        var indexes = new TableIndexes(
                keys,
                keySchema,
                TableProperties.GLOBAL_INDEX,
                (index, name) -> indexThroughput(index, provisioned, context),
                context);
        var globals =
                properties.get("GlobalSecondaryIndexes").map(indexes::globals).orElse(List.of());
        var locals =
                properties.get("LocalSecondaryIndexes").map(indexes::locals).orElse(List.of());
        keys.checkAllUsed();
        return new TableSpec(
                resource.logicalId(),
                tableName,
                keySchema,
                throughput,
                globals,
                locals,
                streamViewType(properties, context),
                timeToLiveAttribute(properties, context),
                tags(properties, context),
                properties.get("DeletionProtectionEnabled").map(Values::bool).orElse(false),
                List.of());
    }

    /** A global index's {@code ProvisionedThroughput}: required on a provisioned table, refused on an on-demand one. */
    private static ThroughputSpec indexThroughput(Properties index, boolean provisioned, ReadContext context) {
        var throughput = index.get("ProvisionedThroughput");
        if (provisioned && throughput.isEmpty()) {
            throw index.missing(
                    "ProvisionedThroughput", "ReadCapacityUnits and WriteCapacityUnits, as the table is PROVISIONED");
        }
        if (!provisioned && throughput.isPresent()) {
            throw throughput
                    .get()
                    .location()
                    .error("is not allowed when the table's BillingMode is PAY_PER_REQUEST (expected: no "
                            + "ProvisionedThroughput)");
        }
        return throughput.map(node -> throughput(node, context)).orElse(null);
    }

    /** {@code ProvisionedThroughput}, already evaluated. */
    static ThroughputSpec throughput(Node node, ReadContext context) {
        var mapping = Values.mapping(node);
        TableProperties.THROUGHPUT.check(mapping, context);
        var properties = new Properties(mapping, context.resolver());
        var read = Values.integer(properties.required("ReadCapacityUnits", "1 or more"), 1, Integer.MAX_VALUE);
        var write = Values.integer(properties.required("WriteCapacityUnits", "1 or more"), 1, Integer.MAX_VALUE);
        return new ThroughputSpec(read, write);
    }

    /** {@code BillingMode}: whether the table is billed per request; DynamoDB's default is PROVISIONED. */
    static boolean payPerRequest(Properties properties) {
        var modeNode = properties.get("BillingMode");
        var mode = modeNode.map(Values::string).orElse("PROVISIONED");
        if (!BILLING_MODES.contains(mode)) {
            throw Values.unexpected(modeNode.orElseThrow(), String.join(", ", BILLING_MODES));
        }
        return mode.equals("PAY_PER_REQUEST");
    }

    /** The table's capacity, or null when it is billed per request. */
    private static ThroughputSpec throughput(Properties properties, ReadContext context) {
        var throughput = properties.get("ProvisionedThroughput");
        if (payPerRequest(properties)) {
            throughput.ifPresent(node -> {
                throw node.location()
                        .error("is not allowed with BillingMode PAY_PER_REQUEST (expected: no ProvisionedThroughput, "
                                + "or BillingMode PROVISIONED)");
            });
            return null;
        }
        var node = throughput.orElseThrow(() -> properties.missing(
                "ProvisionedThroughput", "ReadCapacityUnits and WriteCapacityUnits, or BillingMode: PAY_PER_REQUEST"));
        return throughput(node, context);
    }

    /** {@code StreamSpecification.StreamViewType}, or null when the table has no stream. */
    static TableSpec.StreamViewType streamViewType(Properties properties, ReadContext context) {
        var stream = properties.mapping("StreamSpecification");
        if (stream.isEmpty()) {
            return null;
        }
        TableProperties.STREAM.check(stream.get(), context);
        var expected = String.join(", ", VIEW_TYPES);
        var node = new Properties(stream.get(), context.resolver()).required("StreamViewType", expected);
        var viewType = Values.string(node);
        if (!VIEW_TYPES.contains(viewType)) {
            throw Values.unexpected(node, expected);
        }
        return TableSpec.StreamViewType.valueOf(viewType);
    }

    /** {@code TimeToLiveSpecification.AttributeName} when it is enabled, else null. */
    static String timeToLiveAttribute(Properties properties, ReadContext context) {
        var timeToLive = properties.mapping("TimeToLiveSpecification");
        if (timeToLive.isEmpty()) {
            return null;
        }
        TableProperties.TIME_TO_LIVE.check(timeToLive.get(), context);
        var ttl = new Properties(timeToLive.get(), context.resolver());
        if (!Values.bool(ttl.required("Enabled", "true or false"))) {
            return null;
        }
        var node = ttl.required("AttributeName", "the attribute that holds each item's expiry time");
        var attribute = Values.string(node);
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw Values.unexpected(node, "an attribute name, 1 to 255 characters");
        }
        return attribute;
    }

    /** CloudFormation's {@code Tags}: a list of {@code Key}/{@code Value} pairs. */
    static Map<String, String> tags(Properties properties, ReadContext context) {
        var tags = new LinkedHashMap<String, String>();
        properties.get("Tags").ifPresent(list -> {
            for (var item : Values.sequence(list).items()) {
                var tag = Values.mapping(item);
                TableProperties.TAG.check(tag, context);
                var tagProperties = new Properties(tag, context.resolver());
                var keyNode = tagProperties.required("Key", "the tag's key");
                var key = Values.string(keyNode);
                if (tags.put(key, tagProperties.requiredString("Value", "the tag's value")) != null) {
                    throw keyNode.location().error(key + " is already a tag of this table (expected: unique keys)");
                }
            }
        });
        return tags;
    }
}
