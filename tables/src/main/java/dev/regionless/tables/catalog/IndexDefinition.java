package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A secondary index.
 *
 * @param name the index name, unique within the table
 * @param global true for a global secondary index, false for a local one
 * @param keySchema the index key; a local index shares the table's partition key
 * @param projection which attributes the index holds
 * @param throughput a global index's own provisioned capacity
 * @param number a number unique within the table, never reused, that names the index in storage
 */
public record IndexDefinition(
        String name,
        boolean global,
        KeySchema keySchema,
        IndexProjection projection,
        Throughput throughput,
        int number) {
    public IndexDefinition {
        requireNonNull(name, "name");
        requireNonNull(keySchema, "keySchema");
        requireNonNull(projection, "projection");
        requireNonNull(throughput, "throughput");
    }

    /**
     * Which attributes an index holds besides the table and index keys.
     *
     * @param type KEYS_ONLY, INCLUDE or ALL
     * @param nonKeyAttributes the attributes INCLUDE adds
     */
    public record IndexProjection(ProjectionType type, List<String> nonKeyAttributes) {
        public IndexProjection {
            requireNonNull(type, "type");
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    public enum ProjectionType {
        KEYS_ONLY,
        INCLUDE,
        ALL
    }
}
