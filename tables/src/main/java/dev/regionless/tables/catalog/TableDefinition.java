package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a table is made of, as CreateTable and UpdateTable set it.
 *
 * @param name the table name (3..255 characters of {@code [a-zA-Z0-9_.-]})
 * @param keySchema the primary key
 * @param attributeDefinitions the types of the key attributes of the table and its indexes
 * @param billingMode PROVISIONED or PAY_PER_REQUEST
 * @param throughput provisioned capacity; zero units for on-demand tables
 * @param indexes the global and local secondary indexes
 * @param stream the change stream setting
 * @param deletionProtection whether DeleteTable is refused
 */
public record TableDefinition(
        String name,
        KeySchema keySchema,
        Map<String, ScalarAttributeType> attributeDefinitions,
        BillingMode billingMode,
        Throughput throughput,
        List<IndexDefinition> indexes,
        StreamSpecification stream,
        boolean deletionProtection) {
    public TableDefinition {
        requireNonNull(name, "name");
        requireNonNull(keySchema, "keySchema");
        attributeDefinitions = Map.copyOf(attributeDefinitions);
        requireNonNull(billingMode, "billingMode");
        requireNonNull(throughput, "throughput");
        indexes = List.copyOf(indexes);
        requireNonNull(stream, "stream");
    }

    /** The index with this name, if the table has one. */
    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes) {
        return new TableDefinition(
                name, keySchema, attributeDefinitions, billingMode, throughput, newIndexes, stream, deletionProtection);
    }

    public TableDefinition withStream(StreamSpecification newStream) {
        return new TableDefinition(
                name, keySchema, attributeDefinitions, billingMode, throughput, indexes, newStream, deletionProtection);
    }

    public TableDefinition withBilling(BillingMode newMode, Throughput newThroughput) {
        return new TableDefinition(
                name, keySchema, attributeDefinitions, newMode, newThroughput, indexes, stream, deletionProtection);
    }

    public TableDefinition withAttributeDefinitions(Map<String, ScalarAttributeType> definitions) {
        return new TableDefinition(
                name, keySchema, definitions, billingMode, throughput, indexes, stream, deletionProtection);
    }

    public TableDefinition withDeletionProtection(boolean enabled) {
        return new TableDefinition(
                name, keySchema, attributeDefinitions, billingMode, throughput, indexes, stream, enabled);
    }
}
