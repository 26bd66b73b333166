package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A SELECT as item API reads: one Query for each partition key value the WHERE clause fixes (by {@code =} or
 * {@code IN}), or else one Scan of the whole table or index, with the rest of the clause as the filter.
 *
 * @param operation {@code Query} or {@code Scan}
 * @param requests the reads, in order; each a complete request without {@code Limit}, {@code ConsistentRead} or
 *     {@code ExclusiveStartKey}
 * @param key the table's full primary key when the clause fixes it by equalities on a table (not an index), or null
 * @param keyOnly whether the clause says nothing beyond that key
 * @param getRequest for a full key, a TransactGetItems {@code Get}: the table and the key; else null
 */
public record ReadPlan(
        String table,
        String operation,
        List<ObjectNode> requests,
        ObjectNode key,
        boolean keyOnly,
        ObjectNode getRequest,
        List<AttributePath> projection)
        implements StatementPlan {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public ReadPlan {
        requests = List.copyOf(requests);
        projection = List.copyOf(projection);
    }

    /** The table's full key, if the statement names it by equalities. */
    public Optional<ObjectNode> fullKey() {
        return Optional.ofNullable(key);
    }

    /**
     * An item as the statement selects it: the whole item for {@code *}, else each selected path's value under
     * the name of its last member ({@code a.b} as {@code b}), as PartiQL names a projection.
     */
    public ObjectNode shape(ObjectNode item) {
        if (projection.isEmpty()) {
            return item;
        }
        var shaped = JSON.objectNode();
        for (var path : projection) {
            var value = resolve(item, path);
            if (value != null) {
                shaped.set(path.leafName(), value);
            }
        }
        return shaped;
    }

    private static JsonNode resolve(ObjectNode item, AttributePath path) {
        JsonNode current = item.get(path.root());
        for (var step : path.steps().subList(1, path.steps().size())) {
            if (current == null) {
                return null;
            }
            current = switch (step) {
                case AttributePath.Name name ->
                    current.has("M") ? current.get("M").get(name.name()) : null;
                case AttributePath.Index index ->
                    current.has("L") ? current.get("L").get(index.index()) : null;
            };
        }
        return current;
    }
}
