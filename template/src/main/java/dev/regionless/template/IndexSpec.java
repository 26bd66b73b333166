package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entry of a table's {@code GlobalSecondaryIndexes} or {@code LocalSecondaryIndexes}.
 *
 * @param name {@code IndexName}, unique within the table
 * @param keySchema the index key; a local index has the table's partition key and a sort key of its own
 * @param projectionType which attributes the index holds besides the keys; {@code KEYS_ONLY} when not set
 * @param nonKeyAttributes the attributes {@code INCLUDE} adds; empty for the other projection types
 * @param provisionedThroughput a global index's own capacity, or {@code null} for on-demand tables and local indexes
 */
public record IndexSpec(
        String name,
        KeySpec keySchema,
        ProjectionType projectionType,
        List<String> nonKeyAttributes,
        ThroughputSpec provisionedThroughput) {

    public IndexSpec {
        requireNonNull(name, "name");
        requireNonNull(keySchema, "keySchema");
        requireNonNull(projectionType, "projectionType");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** {@code Projection.ProjectionType}, spelled as DynamoDB spells it. */
    public enum ProjectionType {
        KEYS_ONLY,
        INCLUDE,
        ALL
    }
}
