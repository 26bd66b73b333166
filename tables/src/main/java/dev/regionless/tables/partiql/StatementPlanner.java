package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a parsed statement into the item API requests that carry it out. */
final class StatementPlanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatementPlanner() {}

    static StatementPlan plan(Statement statement, Function<String, Optional<TableDefinition>> tables) {
        var table = tables.apply(statement.table()).orElseThrow(TableErrors::resourceNotFound);
        return switch (statement) {
            case Statement.Select select -> SelectPlanner.plan(select, table);
            case Statement.Insert insert -> insert(insert, table);
            case Statement.Update update -> update(update, table);
            case Statement.Delete delete -> delete(delete, table);
            case Statement.Exists exists -> exists(exists, table);
        };
    }

    private static WritePlan insert(Statement.Insert insert, TableDefinition table) {
        var writer = new ExpressionWriter();
        var request = request(table);
        request.set("Item", insert.item().get("M"));
        request.put(
                "ConditionExpression",
                "attribute_not_exists("
                        + writer.name(table.keySchema().partitionKey().name()) + ")");
        return new WritePlan(table.name(), "Put", writer.addTo(request), true, null);
    }

    private static WritePlan update(Statement.Update update, TableDefinition table) {
        var writer = new ExpressionWriter();
        var keyed = KeyedWhere.of(update.where(), table.keySchema());
        var request = request(table);
        request.set("Key", keyed.key());
        request.put("UpdateExpression", UpdateWriter.write(update.clauses(), writer));
        // Unlike UpdateItem, an UPDATE statement changes an item that exists and never creates one.
        request.put("ConditionExpression", existsAnd(keyed, table.keySchema(), writer));
        return new WritePlan(table.name(), "Update", writer.addTo(request), false, update.returnValues());
    }

    private static WritePlan delete(Statement.Delete delete, TableDefinition table) {
        var writer = new ExpressionWriter();
        var keyed = KeyedWhere.of(delete.where(), table.keySchema());
        var request = request(table);
        request.set("Key", keyed.key());
        if (keyed.condition() != null) {
            request.put("ConditionExpression", writer.predicate(keyed.condition()));
        }
        return new WritePlan(table.name(), "Delete", writer.addTo(request), false, delete.returnValues());
    }

    private static WritePlan exists(Statement.Exists exists, TableDefinition table) {
        if (exists.select().index() != null) {
            throw TableErrors.validation("Operations on indices are not supported in transactions");
        }
        var writer = new ExpressionWriter();
        KeyedWhere keyed;
        try {
            keyed = KeyedWhere.of(exists.select().where(), table.keySchema());
        } catch (RuntimeException e) {
            throw TableErrors.validation("EXISTS() must contain a single item read with additional condition");
        }
        var request = request(table);
        request.set("Key", keyed.key());
        request.put("ConditionExpression", existsAnd(keyed, table.keySchema(), writer));
        return new WritePlan(table.name(), "ConditionCheck", writer.addTo(request), false, null);
    }

    private static String existsAnd(KeyedWhere keyed, KeySchema schema, ExpressionWriter writer) {
        var exists = "attribute_exists(" + writer.name(schema.partitionKey().name()) + ")";
        return keyed.condition() == null ? exists : exists + " AND (" + writer.predicate(keyed.condition()) + ")";
    }

    private static ObjectNode request(TableDefinition table) {
        return JSON.objectNode().put("TableName", table.name());
    }

    /** A WHERE clause split into the full primary key it fixes by equalities and whatever else it says. */
    record KeyedWhere(ObjectNode key, Predicate condition) {
        static KeyedWhere of(Predicate where, KeySchema schema) {
            var rest = new ArrayList<>(WhereClause.conjuncts(where));
            var key = JSON.objectNode();
            for (var element : elements(schema)) {
                JsonNode value = null;
                for (var term : rest) {
                    value = WhereClause.equality(term, element.name());
                    if (value != null) {
                        rest.remove(term);
                        break;
                    }
                }
                if (value == null) {
                    throw StatementErrors.incompleteKey();
                }
                key.set(element.name(), value);
            }
            return new KeyedWhere(key, WhereClause.and(rest));
        }
    }

    static List<KeyElement> elements(KeySchema schema) {
        return schema.sort().isPresent()
                ? List.of(schema.partitionKey(), schema.sort().get())
                : List.of(schema.partitionKey());
    }
}
