package dev.regionless.region.internal;

import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a redeploy may change on a table that already exists, in place and keeping its items: billing, global index
 * additions and removals, stream, time to live, tags and deletion protection. A different key or different local
 * indexes would need a new table, which CloudFormation makes by replacing the old one and losing its items; here the
 * deploy fails instead.
 */
final class TableChanges {
    private TableChanges() {}

    /**
     * {@code current} with the template's settings applied.
     *
     * @throws dev.regionless.common.AwsException {@code ValidationException} naming the table when the template
     *     would need a new table
     */
    static TableState apply(DeclaredTable declared, TableState current) {
        var wanted = declared.definition();
        var deployed = current.definition();
        if (!wanted.keySchema().equals(deployed.keySchema())) {
            throw TableDeployer.error(
                    declared,
                    "its key is " + describe(wanted.keySchema()) + " in the template but "
                            + describe(deployed.keySchema()) + " in the deployed table (expected: the same key; a "
                            + "table's key cannot change, so give the table another name to create a new one)");
        }
        if (!sameIndexes(locals(wanted), locals(deployed))) {
            throw TableDeployer.error(
                    declared,
                    "its LocalSecondaryIndexes differ from the deployed table's (expected: the same local indexes; "
                            + "they are only set when a table is created, so give the table another name)");
        }
        var definition = new TableDefinition(
                deployed.name(),
                deployed.keySchema(),
                wanted.attributeDefinitions(),
                wanted.billingMode(),
                wanted.throughput(),
                indexes(declared, deployed),
                wanted.stream(),
                wanted.deletionProtection());
        return current.withDefinition(definition)
                .withTtlAttribute(declared.ttlAttribute())
                .withTags(declared.tags())
                .withReplicas(declared.replicaRegions());
    }

    /**
     * Whether the stream must be turned off before {@link #apply} turns it on again: DynamoDB starts a new stream,
     * with a new label, when the view type changes, so that no consumer reads records of two shapes from one stream.
     */
    static boolean needsNewStream(DeclaredTable declared, TableState current) {
        var wanted = declared.definition().stream();
        var deployed = current.definition().stream();
        return wanted.enabled() && deployed.enabled() && wanted.viewType() != deployed.viewType();
    }

    /**
     * The deployed local indexes, then the template's global indexes: those the table has keep their storage
     * number (and their items), new ones get numbers never used by this table.
     */
    private static List<IndexDefinition> indexes(DeclaredTable declared, TableDefinition deployed) {
        var indexes = new ArrayList<>(locals(deployed));
        int next = deployed.indexes().stream()
                        .mapToInt(IndexDefinition::number)
                        .max()
                        .orElse(0)
                + 1;
        for (var index : declared.definition().indexes()) {
            if (!index.global()) {
                continue;
            }
            var existing = deployed.index(index.name()).filter(IndexDefinition::global);
            if (existing.isPresent() && !sameShape(index, existing.get())) {
                throw TableDeployer.error(
                        declared,
                        "global index " + index.name() + " has another key or projection than the deployed one "
                                + "(expected: the same; to change an index, give it a new IndexName)");
            }
            var number = existing.map(IndexDefinition::number).orElse(next);
            if (existing.isEmpty()) {
                next++;
            }
            indexes.add(new IndexDefinition(
                    index.name(), true, index.keySchema(), index.projection(), index.throughput(), number));
        }
        return indexes;
    }

    private static List<IndexDefinition> locals(TableDefinition definition) {
        return definition.indexes().stream().filter(index -> !index.global()).toList();
    }

    private static boolean sameIndexes(List<IndexDefinition> wanted, List<IndexDefinition> deployed) {
        if (wanted.size() != deployed.size()) {
            return false;
        }
        for (var index : wanted) {
            Optional<IndexDefinition> match = deployed.stream()
                    .filter(candidate -> candidate.name().equals(index.name()))
                    .findFirst();
            if (match.isEmpty() || !sameShape(index, match.get())) {
                return false;
            }
        }
        return true;
    }

    /** The same key and projection; throughput and storage number may differ. */
    private static boolean sameShape(IndexDefinition a, IndexDefinition b) {
        return a.keySchema().equals(b.keySchema()) && Objects.equals(a.projection(), b.projection());
    }

    private static String describe(KeySchema key) {
        var text = key.partitionKey().name() + " (" + key.partitionKey().type() + ")";
        return key.sort()
                .map(sort -> text + " + " + sort.name() + " (" + sort.type() + ")")
                .orElse(text);
    }
}
