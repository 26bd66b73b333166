package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.partiql.NextToken;
import dev.regionless.tables.partiql.ReadPlan;
import dev.regionless.tables.partiql.StatementPlan;
import dev.regionless.tables.partiql.WritePlan;
import java.util.List;

/**
 * ExecuteStatement: a PartiQL statement, planned into item API requests and run through the same operations as the
 * JSON API, so conditions, streams, indexes, replication and capacity behave as they do for those requests.
 */
final class PartiqlStatements {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int MAX_STATEMENT_LENGTH = 8192;

    private final TableStore store;
    private final ItemOperations items;
    private final ReadOperations reads;

    PartiqlStatements(TableStore store, ItemOperations items, ReadOperations reads) {
        this.store = store;
        this.items = items;
        this.reads = reads;
    }

    ObjectNode executeStatement(Params request) {
        var statement = request.string("Statement");
        var limit = request.integer("Limit");
        var errors = new ValidationErrors();
        statementConstraints(errors, "statement", statement, request);
        errors.atLeast("limit", limit, 1);
        errors.throwIfAny();
        var plan = plan(statement, request);
        return switch (plan) {
            case ReadPlan read -> select(read, request, limit);
            case WritePlan write -> write(write, request);
        };
    }

    /** The constraints on a statement and its parameters, wherever they appear. */
    static void statementConstraints(ValidationErrors errors, String path, String statement, Params request) {
        errors.notNull(path, statement);
        if (statement != null && (statement.isEmpty() || statement.length() > MAX_STATEMENT_LENGTH)) {
            errors.lengthBetween(path, statement, 1, MAX_STATEMENT_LENGTH);
        }
        errors.sizeBetween("parameters", request.list("Parameters"), 1, Integer.MAX_VALUE);
    }

    StatementPlan plan(String statement, Params request) {
        var parameters = request.list("Parameters");
        return StatementPlan.of(
                statement,
                parameters == null ? List.of() : parameters,
                name -> store.table(name).map(table -> table.definition()));
    }

    private ObjectNode select(ReadPlan plan, Params request, Integer limit) {
        var fingerprint = request.string("Statement") + "\u0000" + request.node("Parameters");
        var start = request.has("NextToken")
                ? NextToken.decode(request.string("NextToken"), fingerprint)
                : new NextToken(0, null);
        if (start.read() < 0 || start.read() >= plan.requests().size()) {
            throw TableErrors.validation("Invalid NextToken");
        }
        var response = JSON.objectNode();
        var found = response.putArray("Items");
        var capacity = new CapacityTotals();
        Integer remaining = limit;
        NextToken next = null;
        for (int i = start.read(); i < plan.requests().size(); i++) {
            var read = plan.requests().get(i).deepCopy();
            addReadOptions(read, request, remaining);
            if (i == start.read() && start.startKey() != null) {
                read.set("ExclusiveStartKey", start.startKey());
            }
            var page = run(plan, read);
            page.path("Items").forEach(item -> found.add(plan.shape((ObjectNode) item)));
            capacity.add(page);
            // A full primary key names one item at most, which DynamoDB reads with GetItem: there is no next page.
            if (page.has("LastEvaluatedKey") && plan.fullKey().isEmpty()) {
                next = new NextToken(i, (ObjectNode) page.get("LastEvaluatedKey"));
                response.set("LastEvaluatedKey", page.get("LastEvaluatedKey"));
                break;
            }
            if (remaining != null) {
                remaining -= page.path("ScannedCount").asInt();
                if (remaining <= 0 && i + 1 < plan.requests().size()) {
                    next = new NextToken(i + 1, null);
                    break;
                }
            }
        }
        if (next != null) {
            response.put("NextToken", next.encode(fingerprint));
        }
        capacity.putSingle(response);
        return response;
    }

    private static void addReadOptions(ObjectNode read, Params request, Integer limit) {
        if (limit != null) {
            read.put("Limit", limit);
        }
        if (request.has("ConsistentRead")) {
            read.put("ConsistentRead", request.bool("ConsistentRead"));
        }
        if (request.has("ReturnConsumedCapacity")) {
            read.put("ReturnConsumedCapacity", request.string("ReturnConsumedCapacity"));
        }
    }

    /** One of a plan's reads, through Query or Scan. */
    ObjectNode run(ReadPlan plan, ObjectNode read) {
        return plan.operation().equals("Query") ? reads.query(new Params(read), true) : reads.scan(new Params(read));
    }

    private ObjectNode write(WritePlan plan, Params request) {
        var response = JSON.objectNode();
        var result = runWrite(plan, plan.singleRequest(), request);
        var found = response.putArray("Items");
        if (plan.returnValues() != null && result.has("Attributes")) {
            found.add(result.get("Attributes"));
        }
        var capacity = new CapacityTotals();
        capacity.add(result);
        capacity.putSingle(response);
        return response;
    }

    /**
     * Runs a write alone, with the options of the request (or batch entry) that carried its statement. A failed
     * INSERT is DynamoDB's {@code DuplicateItemException}, not the condition failure that caught it.
     */
    ObjectNode runWrite(WritePlan plan, ObjectNode write, Params options) {
        if (plan.action().equals("ConditionCheck")) {
            throw TableErrors.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        copy(options, write, "ReturnConsumedCapacity");
        copy(options, write, "ReturnValuesOnConditionCheckFailure");
        try {
            return switch (plan.action()) {
                case "Put" -> items.putItem(new Params(write));
                case "Update" -> items.updateItem(new Params(write));
                default -> items.deleteItem(new Params(write));
            };
        } catch (AwsException e) {
            if (plan.insert() && e.code().equals("ConditionalCheckFailedException")) {
                throw duplicateItem();
            }
            throw e;
        }
    }

    static AwsException duplicateItem() {
        return new AwsException("DuplicateItemException", 400, "Duplicate primary key exists in table");
    }

    private static void copy(Params from, ObjectNode to, String name) {
        JsonNode value = from.node(name);
        if (value != null) {
            to.set(name, value);
        }
    }
}
