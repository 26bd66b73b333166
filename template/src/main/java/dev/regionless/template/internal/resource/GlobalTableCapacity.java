package dev.regionless.template.internal.resource;

import dev.regionless.template.ThroughputSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.Optional;

/**
 * A global table's capacity as CloudFormation declares it: write capacity is shared by every replica and given as
 * auto scaling settings, on the table and on each global index; read capacity is each replica's own, fixed or auto
 * scaled, with the table's top-level {@code ReadProvisionedThroughputSettings} for replicas that set none. Regionless
 * throttles by none of it; it reports the seed capacity of auto scaling settings, or else their minimum.
 */
final class GlobalTableCapacity {

    private static final String READ_SETTINGS = "ReadProvisionedThroughputSettings";
    private static final String WRITE_SETTINGS = "WriteProvisionedThroughputSettings";

    private final Properties table;
    private final boolean payPerRequest;
    private final ReadContext context;

    GlobalTableCapacity(Properties table, ReadContext context) {
        this.table = table;
        this.payPerRequest = TableReader.payPerRequest(table);
        this.context = context;
    }

    /** The table's capacity in {@code replica}'s region, or null when it is billed per request. */
    ThroughputSpec table(GlobalTableReplica replica) {
        if (payPerRequest) {
            refuse(table, WRITE_SETTINGS);
            refuse(table, READ_SETTINGS);
            refuse(replica.properties(), READ_SETTINGS);
            return null;
        }
        var write = table.required(WRITE_SETTINGS, "WriteCapacityAutoScalingSettings, as the table is PROVISIONED");
        return new ThroughputSpec(replicaRead(replica), writeUnits(write));
    }

    /**
     * A global index's capacity in {@code replica}'s region, or null when the table is billed per request: its own
     * write settings, and the replica's read settings for it, else the replica's read capacity for the table.
     */
    ThroughputSpec index(Properties index, Optional<Properties> replicaIndex, GlobalTableReplica replica) {
        if (payPerRequest) {
            refuse(index, WRITE_SETTINGS);
            replicaIndex.ifPresent(settings -> refuse(settings, READ_SETTINGS));
            return null;
        }
        var write = index.required(WRITE_SETTINGS, "WriteCapacityAutoScalingSettings, as the table is PROVISIONED");
        var read = replicaIndex.flatMap(settings -> settings.get(READ_SETTINGS));
        return new ThroughputSpec(read.isPresent() ? readUnits(read.get()) : replicaRead(replica), writeUnits(write));
    }

    /** Checks the capacity settings of {@code replica}, which may be another region's, as CloudFormation would. */
    void check(GlobalTableReplica replica, List<String> indexNames) {
        table(replica);
        for (var settings : replica.checkedIndexSettings(indexNames, context)) {
            if (payPerRequest) {
                refuse(settings, READ_SETTINGS);
            } else {
                settings.get(READ_SETTINGS).ifPresent(this::readUnits);
            }
        }
    }

    private long replicaRead(GlobalTableReplica replica) {
        var settings = replica.properties()
                .get(READ_SETTINGS)
                .or(() -> table.get(READ_SETTINGS))
                .orElseThrow(() -> replica.properties()
                        .missing(
                                READ_SETTINGS,
                                "ReadCapacityUnits or ReadCapacityAutoScalingSettings, for this replica or for all "
                                        + "at the table's top level, as the table is PROVISIONED"));
        return readUnits(settings);
    }

    /** {@code ReadProvisionedThroughputSettings}: fixed units or auto scaling, one of the two. */
    private long readUnits(Node node) {
        var settings = Values.mapping(node);
        GlobalTableProperties.READ_CAPACITY.check(settings, context);
        var properties = new Properties(settings, context.resolver());
        var fixed = properties.get("ReadCapacityUnits");
        var scaled = properties.get("ReadCapacityAutoScalingSettings");
        if (fixed.isPresent() == scaled.isPresent()) {
            throw settings.location()
                    .error("sets " + (fixed.isPresent() ? "both" : "neither") + " of ReadCapacityUnits and "
                            + "ReadCapacityAutoScalingSettings (expected: one of the two)");
        }
        return fixed.isPresent() ? Values.integer(fixed.get(), 1, Integer.MAX_VALUE) : autoScaled(scaled.get());
    }

    /** {@code WriteProvisionedThroughputSettings}: always auto scaling. */
    private long writeUnits(Node node) {
        var settings = Values.mapping(node);
        GlobalTableProperties.WRITE_CAPACITY.check(settings, context);
        var scaled = new Properties(settings, context.resolver())
                .required("WriteCapacityAutoScalingSettings", "MinCapacity, MaxCapacity and a scaling policy");
        return autoScaled(scaled);
    }

    /** {@code CapacityAutoScalingSettings}: the capacity they start at, {@code SeedCapacity} or else the minimum. */
    private long autoScaled(Node node) {
        var settings = Values.mapping(node);
        GlobalTableProperties.AUTO_SCALING.check(settings, context);
        var properties = new Properties(settings, context.resolver());
        var min = Values.integer(properties.required("MinCapacity", "1 or more"), 1, Integer.MAX_VALUE);
        var maxNode = properties.required("MaxCapacity", "MinCapacity or more");
        var max = Values.integer(maxNode, 1, Integer.MAX_VALUE);
        if (max < min) {
            throw Values.unexpected(maxNode, "MinCapacity (" + min + ") or more");
        }
        var seed = properties.get("SeedCapacity").map(seedNode -> Values.integer(seedNode, 1, Integer.MAX_VALUE));
        return seed.orElse(min);
    }

    private static void refuse(Properties properties, String name) {
        properties.get(name).ifPresent(node -> {
            throw node.location()
                    .error("is not allowed with BillingMode PAY_PER_REQUEST (expected: no " + name
                            + ", or BillingMode PROVISIONED)");
        });
    }
}
