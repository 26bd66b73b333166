package dev.regionless.template.internal.resource;

import dev.regionless.template.IndexSpec;
import dev.regionless.template.TableSpec;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code AWS::DynamoDB::GlobalTable} into the {@link TableSpec} of its replica in the region. The whole
 * table is checked in every region, so that a template fails the same way wherever it is deployed; a region that is
 * not one of the replicas gets no table, and a warning, since Regionless deploys one template to several regions
 * where CloudFormation would refuse a stack whose region has no replica.
 */
final class GlobalTableReader {

    private GlobalTableReader() {}

    static Optional<TableSpec> read(ResourceEntry resource, String tableName, ReadContext context) {
        var properties = new Properties(resource.properties(), context.resolver());
        checkConsistency(properties);
        var replicas = GlobalTableReplica.readAll(
                properties.required("Replicas", "a list of replicas, each with its Region"), context);
        var keys = TableKeys.read(
                properties.required("AttributeDefinitions", "the name and type of each key attribute"), context);
        var keySchema = keys.keySchema(
                properties.required("KeySchema", "a HASH key element, then optionally a RANGE key element"), context);
        var region = context.resolver().context().region();
        var own = replicas.stream()
                .filter(replica -> replica.region().equals(region))
                .findFirst();
        // A region without a replica still checks the table, through the first replica's settings.
        var replica = own.orElse(replicas.get(0));
        var capacity = new GlobalTableCapacity(properties, context);
        var throughput = capacity.table(replica);
        var indexes = new TableIndexes(
                keys,
                keySchema,
                GlobalTableProperties.GLOBAL_INDEX,
                (index, name) -> capacity.index(index, replica.indexSettings(name, context), replica),
                context);
        var globals =
                properties.get("GlobalSecondaryIndexes").map(indexes::globals).orElse(List.of());
        var locals =
                properties.get("LocalSecondaryIndexes").map(indexes::locals).orElse(List.of());
        keys.checkAllUsed();
        var indexNames = globals.stream().map(IndexSpec::name).toList();
        replicas.forEach(each -> checkReplica(each, capacity, indexNames, context));
        var stream = TableReader.streamViewType(properties, context);
        if (stream == null && replicas.size() > 1) {
            throw properties.missing(
                    "StreamSpecification", "a StreamViewType, which a global table with more than one replica needs");
        }
        var timeToLive = TableReader.timeToLiveAttribute(properties, context);
        var regions = replicas.stream().map(GlobalTableReplica::region).toList();
        if (own.isEmpty()) {
            context.warn(
                    resource.location(),
                    "has no replica in " + region + " (Replicas: " + String.join(", ", regions) + "), so " + region
                            + " has no table " + tableName);
            return Optional.empty();
        }
        return Optional.of(new TableSpec(
                resource.logicalId(),
                tableName,
                keySchema,
                throughput,
                globals,
                locals,
                stream,
                timeToLive,
                TableReader.tags(replica.properties(), context),
                replica.properties()
                        .get("DeletionProtectionEnabled")
                        .map(Values::bool)
                        .orElse(false),
                regions));
    }

    /** Checks the settings of a replica, which may be another region's. */
    private static void checkReplica(
            GlobalTableReplica replica, GlobalTableCapacity capacity, List<String> indexNames, ReadContext context) {
        capacity.check(replica, indexNames);
        TableReader.tags(replica.properties(), context);
        replica.properties().get("DeletionProtectionEnabled").ifPresent(Values::bool);
    }

    /** {@code MultiRegionConsistency}: replication in Regionless is eventual, so STRONG cannot be honoured. */
    private static void checkConsistency(Properties properties) {
        properties.get("MultiRegionConsistency").ifPresent(node -> {
            var consistency = Values.string(node);
            if (consistency.equals("STRONG")) {
                throw node.location()
                        .error("STRONG is not supported by Regionless (expected: EVENTUAL; replicas converge "
                                + "after a write, they do not agree before it returns)");
            }
            if (!consistency.equals("EVENTUAL")) {
                throw Values.unexpected(node, "EVENTUAL or STRONG");
            }
        });
    }
}
