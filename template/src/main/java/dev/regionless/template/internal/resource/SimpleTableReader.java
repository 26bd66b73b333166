package dev.regionless.template.internal.resource;

import dev.regionless.template.KeySpec;
import dev.regionless.template.TableSpec;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code AWS::Serverless::SimpleTable} into a {@link TableSpec} as SAM expands it: a table keyed by
 * {@code PrimaryKey} (by default {@code id}, a string), billed per request unless it sets
 * {@code ProvisionedThroughput}.
 */
final class SimpleTableReader {

    private static final Map<String, KeySpec.AttributeType> TYPES = Map.of(
            "String", KeySpec.AttributeType.S, "Number", KeySpec.AttributeType.N, "Binary", KeySpec.AttributeType.B);
    private static final KeySpec.Attribute DEFAULT_KEY = new KeySpec.Attribute("id", KeySpec.AttributeType.S);

    private SimpleTableReader() {}

    static TableSpec read(ResourceEntry resource, String tableName, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        var throughput = properties
                .get("ProvisionedThroughput")
                .map(node -> TableReader.throughput(node, context))
                .orElse(null);
        return new TableSpec(
                resource.logicalId(),
                tableName,
                new KeySpec(primaryKey(properties, context), null),
                throughput,
                List.of(),
                List.of(),
                null,
                null,
                tags(properties),
                false,
                List.of());
    }

    private static KeySpec.Attribute primaryKey(Properties properties, ReadContext context) {
        var primaryKey = properties.mapping("PrimaryKey");
        if (primaryKey.isEmpty()) {
            return DEFAULT_KEY;
        }
        SamProperties.PRIMARY_KEY.check(primaryKey.get(), context);
        var key = new Properties(primaryKey.get(), context.resolver());
        var name = key.requiredString("Name", "the key attribute's name");
        var typeNode = key.required("Type", "String, Number or Binary");
        var type = TYPES.get(Values.string(typeNode));
        if (type == null) {
            throw Values.unexpected(typeNode, "String, Number or Binary");
        }
        return new KeySpec.Attribute(name, type);
    }

    /** SAM's {@code Tags}: a mapping of key to value, unlike CloudFormation's list. */
    private static Map<String, String> tags(Properties properties) {
        var tags = new LinkedHashMap<String, String>();
        properties
                .mapping("Tags")
                .ifPresent(mapping -> mapping.entries().forEach((key, value) -> tags.put(key, Values.string(value))));
        return tags;
    }
}
