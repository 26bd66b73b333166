package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a SELECT as DynamoDB does: a WHERE clause whose top-level AND fixes the partition key, by {@code =} or
 * {@code IN}, becomes one Query per value, with a condition on the sort key as part of the key condition; anything
 * else becomes a Scan of the whole table or index, filtered by the clause.
 */
final class SelectPlanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SelectPlanner() {}

    static ReadPlan plan(Statement.Select select, TableDefinition table) {
        KeySchema schema = table.keySchema();
        if (select.index() != null) {
            schema = table.index(select.index())
                    .orElseThrow(() ->
                            TableErrors.validation("The table does not have the specified index: " + select.index()))
                    .keySchema();
        }
        checkOrderBy(select, schema);
        var terms = WhereClause.conjuncts(select.where());
        var partition = schema.partitionKey().name();
        for (var term : terms) {
            var values = partitionValues(term, partition);
            if (values != null) {
                var rest = new ArrayList<>(terms);
                rest.remove(term);
                return query(select, table, schema, values, rest);
            }
        }
        if (!select.orderBy().isEmpty()) {
            throw TableErrors.validation("Must have at least one non-optional hash key condition in WHERE clause "
                    + "when using ORDER BY clause.");
        }
        var writer = new ExpressionWriter();
        var request = base(select, table);
        if (select.where() != null) {
            request.put("FilterExpression", writer.predicate(select.where()));
        }
        return new ReadPlan(
                table.name(), "Scan", List.of(writer.addTo(request)), null, false, null, select.projection());
    }

    private static List<JsonNode> partitionValues(Predicate term, String partition) {
        var value = WhereClause.equality(term, partition);
        return value != null ? List.of(value) : WhereClause.inValues(term, partition);
    }

    private static ReadPlan query(
            Statement.Select select,
            TableDefinition table,
            KeySchema schema,
            List<JsonNode> partitionValues,
            List<Predicate> rest) {
        var partition = schema.partitionKey().name();
        if (partitionValues.size() > 1 && !select.orderBy().isEmpty() && !select.ordersBy(partition)) {
            throw TableErrors.validation("Must have hash key in ORDER BY clause when more than one hash key "
                    + "condition specified in WHERE clause.");
        }
        if (select.ordersBy(partition)) {
            partitionValues = KeyValueOrder.sorted(partitionValues, select.descending(partition));
        }
        var writer = new ExpressionWriter();
        var request = base(select, table);
        var partitionPlaceholder = writer.value(partitionValues.getFirst());
        var keyCondition = new StringBuilder(writer.name(schema.partitionKey().name()) + " = " + partitionPlaceholder);
        if (schema.sort().isPresent()) {
            var sort = schema.sort().get().name();
            for (var term : rest) {
                var condition = WhereClause.sortKeyCondition(term, sort);
                if (condition != null) {
                    keyCondition.append(" AND ").append(writer.predicate(condition));
                    rest.remove(term);
                    break;
                }
            }
        }
        request.put("KeyConditionExpression", keyCondition.toString());
        var filter = WhereClause.and(rest);
        if (filter != null) {
            request.put("FilterExpression", writer.predicate(filter));
        }
        if (schema.sort().isPresent() && select.descending(schema.sort().get().name())) {
            request.put("ScanIndexForward", false);
        }
        writer.addTo(request);
        var requests = new ArrayList<ObjectNode>();
        for (var value : partitionValues) {
            var copy = request.deepCopy();
            ((ObjectNode) copy.get("ExpressionAttributeValues")).set(partitionPlaceholder, value);
            requests.add(copy);
        }
        var key = select.index() == null && partitionValues.size() == 1 ? fullKey(select, table) : null;
        return new ReadPlan(
                table.name(),
                "Query",
                requests,
                key == null ? null : key.key(),
                key != null && key.condition() == null,
                key == null ? null : getRequest(select, table, key.key()),
                select.projection());
    }

    private static StatementPlanner.KeyedWhere fullKey(Statement.Select select, TableDefinition table) {
        try {
            return StatementPlanner.KeyedWhere.of(select.where(), table.keySchema());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ObjectNode getRequest(Statement.Select select, TableDefinition table, ObjectNode key) {
        var request = base(select, table);
        request.set("Key", key);
        return request;
    }

    /**
     * The table and the index, common to every read. The reads fetch whole items and {@link ReadPlan#shape} picks
     * the selected paths: a ProjectionExpression would compact {@code a[1]} into a list of one element, where
     * PartiQL answers the element itself.
     */
    private static ObjectNode base(Statement.Select select, TableDefinition table) {
        var request = JSON.objectNode().put("TableName", table.name());
        if (select.index() != null) {
            request.put("IndexName", select.index());
        }
        return request;
    }

    private static void checkOrderBy(Statement.Select select, KeySchema schema) {
        for (var ordering : select.orderBy()) {
            var isKey = ordering.attribute().equals(schema.partitionKey().name())
                    || schema.sort()
                            .map(k -> k.name().equals(ordering.attribute()))
                            .orElse(false);
            if (!isKey) {
                throw TableErrors.validation("Variable reference " + ordering.attribute()
                        + " in ORDER BY clause must be part of the primary key");
            }
        }
    }
}
