package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.partiql.ReadPlan;
import dev.regionless.tables.partiql.StatementPlan;
import dev.regionless.tables.partiql.WritePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * ExecuteTransaction: up to 100 statements, all reads or all writes, run as one TransactGetItems or one
 * TransactWriteItems, so they succeed or fail together, with its cancellation reasons and its
 * {@code ClientRequestToken} idempotency. A cancelled INSERT is reported as a {@code DuplicateItem}.
 */
final class PartiqlTransactions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_STATEMENTS = 100;

    private final PartiqlStatements statements;
    private final ItemOperations items;

    PartiqlTransactions(PartiqlStatements statements, ItemOperations items) {
        this.statements = statements;
        this.items = items;
    }

    ObjectNode executeTransaction(Params request) {
        var entries = request.list("TransactStatements");
        var errors = new ValidationErrors();
        errors.notNull("transactStatements", entries);
        errors.sizeBetween("transactStatements", entries, 1, MAX_STATEMENTS);
        errors.lengthBetween("clientRequestToken", request.string("ClientRequestToken"), 1, 36);
        errors.throwIfAny();
        var params = new ArrayList<Params>();
        var plans = new ArrayList<StatementPlan>();
        for (int i = 0; i < entries.size(); i++) {
            var entry = new Params(entries.get(i));
            var entryErrors = new ValidationErrors();
            PartiqlStatements.statementConstraints(
                    entryErrors,
                    "transactStatements." + (i + 1) + ".member.statement",
                    entry.string("Statement"),
                    entry);
            entryErrors.throwIfAny();
            params.add(entry);
            plans.add(statements.plan(entry.string("Statement"), entry));
        }
        boolean reads = plans.stream().anyMatch(p -> p instanceof ReadPlan);
        boolean writes = plans.stream().anyMatch(p -> p instanceof WritePlan);
        if (reads && writes) {
            throw TableErrors.validation(
                    "ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        return reads ? read(plans, request) : write(plans, params, request);
    }

    private ObjectNode read(List<StatementPlan> plans, Params request) {
        var transaction = JSON.objectNode();
        var transactItems = transaction.putArray("TransactItems");
        for (var plan : plans) {
            var read = (ReadPlan) plan;
            if (read.requests().getFirst().has("IndexName")) {
                throw TableErrors.validation("Reads on indices are not supported within transactions.");
            }
            if (read.fullKey().isEmpty() || !read.keyOnly()) {
                throw TableErrors.validation(
                        "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
            }
            transactItems.addObject().set("Get", read.getRequest());
        }
        copy(request, transaction, "ReturnConsumedCapacity");
        var result = items.transactGetItems(new Params(transaction));
        var responses = (ArrayNode) result.get("Responses");
        for (int i = 0; i < responses.size(); i++) {
            var entry = (ObjectNode) responses.get(i);
            if (entry.has("Item")) {
                entry.set("Item", ((ReadPlan) plans.get(i)).shape((ObjectNode) entry.get("Item")));
            }
        }
        return result;
    }

    private ObjectNode write(List<StatementPlan> plans, List<Params> params, Params request) {
        var transaction = JSON.objectNode();
        var transactItems = transaction.putArray("TransactItems");
        var inserts = new HashMap<Integer, Boolean>();
        for (int i = 0; i < plans.size(); i++) {
            var write = (WritePlan) plans.get(i);
            if (write.returnValues() != null) {
                throw TableErrors.validation("RETURNING is not supported in ExecuteTransaction statements");
            }
            var action = write.request().deepCopy();
            copy(params.get(i), action, "ReturnValuesOnConditionCheckFailure");
            transactItems.addObject().set(write.action(), action);
            inserts.put(i, write.insert());
        }
        copy(request, transaction, "ClientRequestToken");
        copy(request, transaction, "ReturnConsumedCapacity");
        try {
            return items.transactWriteItems(new Params(transaction));
        } catch (AwsException e) {
            if (!e.code().equals("TransactionCanceledException")) {
                throw e;
            }
            throw withDuplicateItems(e, inserts);
        }
    }

    /** The cancellation, with each INSERT whose "item does not exist" condition failed reported as DuplicateItem. */
    private static AwsException withDuplicateItems(AwsException cancelled, java.util.Map<Integer, Boolean> inserts) {
        if (!(cancelled.extraFields().get("CancellationReasons") instanceof ArrayNode original)) {
            return cancelled;
        }
        var reasons = original.deepCopy();
        var codes = new ArrayList<String>();
        for (int i = 0; i < reasons.size(); i++) {
            var reason = (ObjectNode) reasons.get(i);
            if (inserts.getOrDefault(i, false) && reason.path("Code").asText().equals("ConditionalCheckFailed")) {
                reason.put("Code", "DuplicateItem");
                reason.put("Message", "Duplicate primary key exists in table");
                reason.remove("Item");
            }
            codes.add(reason.path("Code").asText());
        }
        return new AwsException(
                cancelled.code(),
                cancelled.status(),
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                java.util.Map.of("CancellationReasons", reasons));
    }

    private static void copy(Params from, ObjectNode to, String name) {
        JsonNode value = from.node(name);
        if (value != null) {
            to.set(name, value);
        }
    }
}
