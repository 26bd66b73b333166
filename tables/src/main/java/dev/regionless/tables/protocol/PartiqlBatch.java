package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.partiql.ReadPlan;
import dev.regionless.tables.partiql.StatementPlan;
import dev.regionless.tables.partiql.WritePlan;
import java.util.ArrayList;
import java.util.Map;

/**
 * BatchExecuteStatement: up to 25 statements, all reads or all writes, each run on its own. A statement that fails
 * does not fail the request: its entry in {@code Responses} carries the {@code Error} instead, as in DynamoDB.
 * Reads must name an item's full primary key, as BatchGetItem's keys do.
 */
final class PartiqlBatch {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_STATEMENTS = 25;
    private static final Map<String, String> ERROR_CODES = Map.of(
            "ThrottlingException", "ThrottlingError",
            "InternalServerError", "InternalServerError",
            "RequestLimitExceeded", "RequestLimitExceeded");

    private final PartiqlStatements statements;

    PartiqlBatch(PartiqlStatements statements) {
        this.statements = statements;
    }

    ObjectNode batchExecuteStatement(Params request) {
        var entries = request.list("Statements");
        var errors = new ValidationErrors();
        errors.notNull("statements", entries);
        errors.sizeBetween("statements", entries, 1, MAX_STATEMENTS);
        errors.throwIfAny();
        var params = new ArrayList<Params>();
        var plans = new ArrayList<Object>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = new Params(entries.get(i));
            var entryErrors = new ValidationErrors();
            PartiqlStatements.statementConstraints(
                    entryErrors, "statements." + (i + 1) + ".member.statement", entry.string("Statement"), entry);
            entryErrors.throwIfAny();
            params.add(entry);
            plans.add(planOrError(entry));
        }
        boolean reads = plans.stream().anyMatch(p -> p instanceof ReadPlan);
        boolean writes = plans.stream().anyMatch(p -> p instanceof WritePlan);
        if (reads && writes) {
            throw TableErrors.validation(
                    "BatchExecuteStatement API does not support both read and write operations in the same request.");
        }
        var response = JSON.objectNode();
        var responses = response.putArray("Responses");
        var capacity = new CapacityTotals();
        for (int i = 0; i < plans.size(); i++) {
            responses.add(run(plans.get(i), params.get(i), request, capacity));
        }
        capacity.putList(response);
        return response;
    }

    private Object planOrError(Params entry) {
        try {
            return statements.plan(entry.string("Statement"), entry);
        } catch (AwsException e) {
            return e;
        }
    }

    private ObjectNode run(Object planned, Params entry, Params request, CapacityTotals capacity) {
        if (planned instanceof AwsException error) {
            return errorEntry(error, null);
        }
        var plan = (StatementPlan) planned;
        try {
            var result = switch (plan) {
                case ReadPlan read -> read(read, entry, request, capacity);
                case WritePlan write -> write(write, entry, request, capacity);
            };
            return result.put("TableName", plan.table());
        } catch (AwsException e) {
            return errorEntry(e, plan.table());
        }
    }

    private ObjectNode read(ReadPlan plan, Params entry, Params request, CapacityTotals capacity) {
        if (plan.fullKey().isEmpty()) {
            throw TableErrors.validation("Where clause does not contain a mandatory equality on all key attributes");
        }
        var query = plan.requests().getFirst().deepCopy();
        if (entry.has("ConsistentRead")) {
            query.put("ConsistentRead", entry.bool("ConsistentRead"));
        }
        copyCapacityOption(request, query);
        var page = statements.run(plan, query);
        capacity.add(page);
        var result = JSON.objectNode();
        var items = page.path("Items");
        if (!items.isEmpty()) {
            result.set("Item", plan.shape((ObjectNode) items.get(0)));
        }
        return result;
    }

    private ObjectNode write(WritePlan plan, Params entry, Params request, CapacityTotals capacity) {
        var write = plan.request().deepCopy();
        copyCapacityOption(request, write);
        var result = statements.runWrite(plan, write, entry);
        capacity.add(result);
        return JSON.objectNode();
    }

    private static void copyCapacityOption(Params request, ObjectNode target) {
        if (request.has("ReturnConsumedCapacity")) {
            target.put("ReturnConsumedCapacity", request.string("ReturnConsumedCapacity"));
        }
    }

    /** A failed statement's entry: DynamoDB's BatchStatementError, its code the error's name without "Exception". */
    private static ObjectNode errorEntry(AwsException error, String table) {
        var entry = JSON.objectNode();
        var detail = entry.putObject("Error");
        detail.put("Code", code(error.code()));
        detail.put("Message", error.getMessage());
        if (error.extraFields().get("Item") instanceof JsonNode item) {
            detail.set("Item", item);
        }
        if (table != null) {
            entry.put("TableName", table);
        }
        return entry;
    }

    static String code(String exception) {
        var known = ERROR_CODES.get(exception);
        if (known != null) {
            return known;
        }
        if (exception.equals("ValidationException")) {
            return "ValidationError";
        }
        return exception.endsWith("Exception")
                ? exception.substring(0, exception.length() - "Exception".length())
                : exception;
    }
}
