package dev.regionless.region.internal;

import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.Throughput;
import dev.regionless.template.IndexSpec;
import dev.regionless.template.KeySpec;
import dev.regionless.template.TableSpec;
import dev.regionless.template.ThroughputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates a template's table into the table store's catalog records. The template has already checked everything
 * DynamoDB checks at CreateTable, so this only changes vocabulary.
 */
final class TableMapping {
    private TableMapping() {}

    static DeclaredTable table(TableSpec spec) {
        // Only key attributes have a type, and every one of them is a key of the table or an index.
        var attributes = new LinkedHashMap<String, ScalarAttributeType>();
        var keySchema = keySchema(spec.keySchema(), attributes);
        var indexes = new ArrayList<IndexDefinition>();
        for (var local : spec.localSecondaryIndexes()) {
            indexes.add(index(local, false, indexes.size() + 1, attributes));
        }
        for (var global : spec.globalSecondaryIndexes()) {
            indexes.add(index(global, true, indexes.size() + 1, attributes));
        }
        var billingMode = spec.provisionedThroughput() == null ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED;
        var definition = new TableDefinition(
                spec.tableName(),
                keySchema,
                attributes,
                billingMode,
                throughput(spec.provisionedThroughput()),
                indexes,
                stream(spec.streamViewType()),
                spec.deletionProtection());
        return new DeclaredTable(
                spec.logicalId(), definition, spec.timeToLiveAttribute(), spec.tags(), spec.replicaRegions());
    }

    private static IndexDefinition index(
            IndexSpec spec, boolean global, int number, Map<String, ScalarAttributeType> attributes) {
        var projection = new IndexDefinition.IndexProjection(
                switch (spec.projectionType()) {
                    case KEYS_ONLY -> IndexDefinition.ProjectionType.KEYS_ONLY;
                    case INCLUDE -> IndexDefinition.ProjectionType.INCLUDE;
                    case ALL -> IndexDefinition.ProjectionType.ALL;
                },
                spec.nonKeyAttributes());
        return new IndexDefinition(
                spec.name(),
                global,
                keySchema(spec.keySchema(), attributes),
                projection,
                throughput(spec.provisionedThroughput()),
                number);
    }

    /** The key schema; adds its attributes to {@code attributes}. */
    private static KeySchema keySchema(KeySpec spec, Map<String, ScalarAttributeType> attributes) {
        var partition = keyElement(spec.partitionKey(), attributes);
        var sort = spec.sort().map(key -> keyElement(key, attributes)).orElse(null);
        return new KeySchema(partition, sort);
    }

    private static KeyElement keyElement(KeySpec.Attribute attribute, Map<String, ScalarAttributeType> attributes) {
        var type = switch (attribute.type()) {
            case S -> ScalarAttributeType.S;
            case N -> ScalarAttributeType.N;
            case B -> ScalarAttributeType.B;
        };
        attributes.put(attribute.name(), type);
        return new KeyElement(attribute.name(), type);
    }

    private static Throughput throughput(ThroughputSpec spec) {
        return spec == null
                ? Throughput.ON_DEMAND
                : new Throughput(spec.readCapacityUnits(), spec.writeCapacityUnits());
    }

    private static StreamSpecification stream(TableSpec.StreamViewType viewType) {
        if (viewType == null) {
            return StreamSpecification.DISABLED;
        }
        var type = switch (viewType) {
            case KEYS_ONLY -> StreamSpecification.StreamViewType.KEYS_ONLY;
            case NEW_IMAGE -> StreamSpecification.StreamViewType.NEW_IMAGE;
            case OLD_IMAGE -> StreamSpecification.StreamViewType.OLD_IMAGE;
            case NEW_AND_OLD_IMAGES -> StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES;
        };
        return new StreamSpecification(true, type);
    }
}
