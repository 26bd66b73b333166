package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a global table's {@code Replicas}: the region it is in, and the settings that are its own (read
 * capacity, tags, deletion protection).
 *
 * @param region {@code Region}
 * @param properties the entry's properties
 */
record GlobalTableReplica(String region, Properties properties) {

    /** Reads {@code Replicas}, already evaluated: at least one, each region at most once. */
    static List<GlobalTableReplica> readAll(Node list, ReadContext context) {
        var items = Values.sequence(list).items();
        if (items.isEmpty()) {
            throw Values.unexpected(list, "at least one replica, in the stack's region");
        }
        var replicas = new ArrayList<GlobalTableReplica>();
        for (var item : items) {
            var replica = Values.mapping(item);
            GlobalTableProperties.REPLICA.check(replica, context);
            var properties = new Properties(replica, context.resolver());
            var regionNode = properties.required("Region", "a region name such as eu-west-2");
            var region = Values.string(regionNode);
            if (replicas.stream().anyMatch(other -> other.region().equals(region))) {
                throw regionNode
                        .location()
                        .error(region + " is already a replica of this table (expected: each region once)");
            }
            replicas.add(new GlobalTableReplica(region, properties));
        }
        return replicas;
    }

    /** The regions of the global table {@code resource}'s replicas, for resources that refer to the table. */
    static List<String> regions(ResourceEntry resource, Resolver resolver) {
        return new Properties(resource.properties(), resolver)
                .get("Replicas")
                .map(list -> Values.sequence(list).items().stream()
                        .map(item -> new Properties(Values.mapping(item), resolver).get("Region"))
                        .flatMap(Optional::stream)
                        .map(Values::string)
                        .toList())
                .orElse(List.of());
    }

    /** The replica's own settings for the global index {@code indexName}, if it has any. */
    Optional<Properties> indexSettings(String indexName, ReadContext context) {
        return indexList().stream()
                .map(item -> new Properties(Values.mapping(item), context.resolver()))
                .filter(index ->
                        index.string("IndexName").filter(indexName::equals).isPresent())
                .findFirst();
    }

    /**
     * The replica's {@code GlobalSecondaryIndexes}, checked: each names one of {@code indexNames}, the table's global
     * indexes, at most once.
     */
    List<Properties> checkedIndexSettings(List<String> indexNames, ReadContext context) {
        var names = new ArrayList<String>();
        var settings = new ArrayList<Properties>();
        for (var item : indexList()) {
            Mapping index = Values.mapping(item);
            GlobalTableProperties.REPLICA_INDEX.check(index, context);
            var indexProperties = new Properties(index, context.resolver());
            var nameNode = indexProperties.required("IndexName", "the name of one of the table's global indexes");
            var name = Values.string(nameNode);
            if (!indexNames.contains(name)) {
                var known = indexNames.isEmpty() ? "the table has none" : "one of " + String.join(", ", indexNames);
                throw nameNode.location()
                        .error(name + " is not a global secondary index of the table (expected: " + known + ")");
            }
            if (names.contains(name)) {
                throw nameNode.location().error(name + " is already set for this replica (expected: each index once)");
            }
            names.add(name);
            settings.add(indexProperties);
        }
        return settings;
    }

    private List<Node> indexList() {
        return properties
                .get("GlobalSecondaryIndexes")
                .map(list -> Values.sequence(list).items())
                .orElse(List.of());
    }
}
