package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.expression.Condition;
import dev.regionless.tables.expression.ConditionEvaluator;
import dev.regionless.tables.expression.ConditionParser;
import dev.regionless.tables.expression.ExpressionAttributes;
import dev.regionless.tables.expression.ExpressionKind;
import dev.regionless.tables.expression.Projection;
import dev.regionless.tables.expression.Update;
import dev.regionless.tables.expression.UpdateAction;
import dev.regionless.tables.expression.UpdateApplier;
import dev.regionless.tables.expression.UpdateParser;
import dev.regionless.tables.legacy.AttributeUpdates;
import dev.regionless.tables.legacy.AttributesToGet;
import dev.regionless.tables.legacy.Expected;
import dev.regionless.tables.legacy.ParameterMixing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PutItem, GetItem, UpdateItem, DeleteItem, their batch forms, and the transactions. */
final class ItemOperations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_BATCH_GET_KEYS = 100;
    private static final int MAX_BATCH_WRITES = 25;
    private static final int MAX_TRANSACTION_ITEMS = 100;
    private static final long MAX_BATCH_GET_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final TableStore store;
    private final TransactionTokens tokens = new TransactionTokens();

    ItemOperations(TableStore store) {
        this.store = store;
    }

    ObjectNode putItem(Params request) {
        var errors = new ValidationErrors();
        errors.name("tableName", request.string("TableName"), true);
        errors.notNull("item", request.node("Item"));
        errors.throwIfAny();
        ParameterMixing.check(request.json(), ParameterMixing.Operation.PUT_ITEM);
        var table = table(request);
        return writeReturningOld(request, table, putWrite(table, request));
    }

    ObjectNode getItem(Params request) {
        requireTableAndKey(request);
        ParameterMixing.check(request.json(), ParameterMixing.Operation.GET_ITEM);
        var table = table(request);
        var attributes = expressionAttributes(request);
        var projection = projection(request, attributes);
        attributes.requireAllUsed();
        var key = Keys.fromKeyParameter(table.definition().keySchema(), request.attributeValueMap("Key"));
        var item = store.getItem(table.name(), key);
        var response = JSON.objectNode();
        item.ifPresent(found -> response.set(
                "Item",
                AttributeValues.writeItem(projection.map(p -> p.apply(found)).orElse(found))));
        boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
        var units = Capacity.readUnits(item.map(Item::size).orElse(0), consistent);
        addCapacity(response, request, table, units, true);
        return response;
    }

    ObjectNode deleteItem(Params request) {
        requireTableAndKey(request);
        ParameterMixing.check(request.json(), ParameterMixing.Operation.DELETE_ITEM);
        var table = table(request);
        return writeReturningOld(request, table, deleteWrite(table, request));
    }

    /** PutItem's and DeleteItem's common end: write, answer the old item if asked, and the capacity used. */
    private ObjectNode writeReturningOld(Params request, TableState table, TableStore.ItemWrite write) {
        var returnValues =
                returnValues(request, List.of("NONE", "ALL_OLD"), "ReturnValues can only be ALL_OLD or NONE");
        var result = store.writeItem(table.name(), write.key(), write.change());
        var response = JSON.objectNode();
        if (returnValues.equals("ALL_OLD")) {
            result.before().ifPresent(old -> response.set("Attributes", AttributeValues.writeItem(old)));
        }
        addCapacity(response, request, table, Capacity.writeUnits(result.before(), result.after()), false);
        return response;
    }

    ObjectNode updateItem(Params request) {
        requireTableAndKey(request);
        ParameterMixing.check(request.json(), ParameterMixing.Operation.UPDATE_ITEM);
        var table = table(request);
        var returnValues =
                returnValues(request, List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"), null);
        var prepared = updateWrite(table, request);
        var result = store.writeItem(
                table.name(), prepared.write().key(), prepared.write().change());
        var response = JSON.objectNode();
        var updatedPaths = prepared.update() == null
                ? null
                : new Projection(prepared.update().actions().stream()
                        .map(UpdateAction::path)
                        .toList());
        Optional<Item> returned = switch (returnValues) {
            case "ALL_OLD" -> result.before();
            case "ALL_NEW" -> result.after();
            case "UPDATED_OLD" ->
                updatedPaths == null ? Optional.empty() : result.before().map(updatedPaths::apply);
            case "UPDATED_NEW" ->
                updatedPaths == null ? Optional.empty() : result.after().map(updatedPaths::apply);
            default -> Optional.empty();
        };
        returned.filter(item -> !item.isEmpty())
                .ifPresent(item -> response.set("Attributes", AttributeValues.writeItem(item)));
        addCapacity(response, request, table, Capacity.writeUnits(result.before(), result.after()), false);
        return response;
    }

    ObjectNode batchGetItem(Params request) {
        var requestItems = request.object("RequestItems");
        var errors = new ValidationErrors();
        errors.notNull("requestItems", requestItems);
        errors.throwIfAny();
        record TableRead(TableState table, List<Item> keys, Optional<Projection> projection, boolean consistent) {}
        var reads = new ArrayList<TableRead>();
        int total = 0;
        for (var entry : requestItems.entrySet()) {
            var params = new Params(entry.getValue());
            var tableErrors = new ValidationErrors();
            tableErrors.name("requestItems.key", entry.getKey(), true);
            var keyNodes = params.list("Keys");
            tableErrors.notNull("requestItems." + entry.getKey() + ".member.keys", keyNodes);
            tableErrors.throwIfAny();
            total += keyNodes.size();
            if (total > MAX_BATCH_GET_KEYS) {
                throw TableErrors.validation("Too many items requested for the BatchGetItem call");
            }
            ParameterMixing.check(params.json(), ParameterMixing.Operation.BATCH_GET_ITEM);
            var table = store.table(entry.getKey()).orElseThrow(TableErrors::resourceNotFound);
            var attributes = expressionAttributes(params);
            var projection = projection(params, attributes);
            attributes.requireAllUsed();
            var keys = new ArrayList<Item>();
            for (var node : keyNodes) {
                var key = Keys.fromKeyParameter(
                        table.definition().keySchema(),
                        AttributeValues.readItem(node).attributes());
                if (keys.contains(key)) {
                    throw TableErrors.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            reads.add(new TableRead(table, keys, projection, Boolean.TRUE.equals(params.bool("ConsistentRead"))));
        }
        var response = JSON.objectNode();
        var responses = response.putObject("Responses");
        var unprocessed = response.putObject("UnprocessedKeys");
        var capacity = JSON.arrayNode();
        long bytes = 0;
        for (var read : reads) {
            var items = responses.putArray(read.table().name());
            double units = 0;
            for (var key : read.keys()) {
                if (bytes > MAX_BATCH_GET_RESPONSE_BYTES) {
                    var rest = unprocessed.has(read.table().name())
                            ? (ObjectNode) unprocessed.get(read.table().name())
                            : unprocessedEntry(
                                    unprocessed,
                                    read.table().name(),
                                    requestItems.get(read.table().name()));
                    ((com.fasterxml.jackson.databind.node.ArrayNode) rest.get("Keys"))
                            .add(AttributeValues.writeItem(key));
                    continue;
                }
                var item = store.getItem(read.table().name(), key);
                if (item.isPresent()) {
                    bytes += item.get().size();
                    units += Capacity.readUnits(item.get().size(), read.consistent());
                    var shown = read.projection().map(p -> p.apply(item.get())).orElse(item.get());
                    items.add(AttributeValues.writeItem(shown));
                } else {
                    units += Capacity.readUnits(0, read.consistent());
                }
            }
            var consumed = Capacity.consumed(
                    request.string("ReturnConsumedCapacity"), read.table().name(), units, units, 0);
            if (consumed != null) {
                capacity.add(consumed);
            }
        }
        if (!capacity.isEmpty()) {
            response.set("ConsumedCapacity", capacity);
        }
        return response;
    }

    private static ObjectNode unprocessedEntry(ObjectNode unprocessed, String table, JsonNode original) {
        var entry = ((ObjectNode) original).deepCopy();
        entry.putArray("Keys");
        unprocessed.set(table, entry);
        return entry;
    }

    ObjectNode batchWriteItem(Params request) {
        var requestItems = request.object("RequestItems");
        var errors = new ValidationErrors();
        errors.notNull("requestItems", requestItems);
        errors.throwIfAny();
        var writes = new ArrayList<TableStore.ItemWrite>();
        var seen = new HashSet<String>();
        for (var entry : requestItems.entrySet()) {
            if (!entry.getValue().isArray()) {
                throw TableErrors.serialization("Unexpected value type in payload: RequestItems." + entry.getKey());
            }
            if (entry.getValue().isEmpty() || entry.getValue().size() > MAX_BATCH_WRITES) {
                throw TableErrors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                        + "constraint: Map value must satisfy constraint: [Member must have length less than or equal "
                        + "to 25, Member must have length greater than or equal to 1]");
            }
            var table = store.table(entry.getKey()).orElseThrow(TableErrors::resourceNotFound);
            for (var node : entry.getValue()) {
                var params = new Params(node);
                var put = params.params("PutRequest");
                var delete = params.params("DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw TableErrors.validation("1 validation error detected: Value at 'requestItems."
                            + entry.getKey() + ".member' failed to satisfy constraint: A WriteRequest must contain "
                            + "exactly one of PutRequest or DeleteRequest");
                }
                TableStore.ItemWrite write;
                if (put != null) {
                    var item = put.item("Item");
                    requireNonNullParameter(item, "requestItems." + entry.getKey() + ".member.putRequest.item");
                    checkSize(item);
                    var key = Keys.fromItem(table.definition().keySchema(), item);
                    write = new TableStore.ItemWrite(table, key, current -> Optional.of(item));
                } else {
                    var keyMap = delete.attributeValueMap("Key");
                    var key = Keys.fromKeyParameter(table.definition().keySchema(), keyMap);
                    write = new TableStore.ItemWrite(table, key, current -> Optional.empty());
                }
                if (!seen.add(table.name() + "\u0000" + write.key())) {
                    throw TableErrors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > MAX_BATCH_WRITES) {
            throw TableErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        var units = new LinkedHashMap<String, Double>();
        for (var write : writes) {
            var result = store.writeItem(write.table().name(), write.key(), write.change());
            units.merge(write.table().name(), Capacity.writeUnits(result.before(), result.after()), Double::sum);
        }
        var response = JSON.objectNode();
        response.putObject("UnprocessedItems");
        var capacity = JSON.arrayNode();
        units.forEach((table, total) -> {
            var consumed = Capacity.consumed(request.string("ReturnConsumedCapacity"), table, total, 0, total);
            if (consumed != null) {
                capacity.add(consumed);
            }
        });
        if (!capacity.isEmpty()) {
            response.set("ConsumedCapacity", capacity);
        }
        return response;
    }

    ObjectNode transactWriteItems(Params request) {
        var items = request.list("TransactItems");
        var errors = new ValidationErrors();
        errors.notNull("transactItems", items);
        errors.sizeBetween("transactItems", items, 1, MAX_TRANSACTION_ITEMS);
        errors.throwIfAny();
        var token = request.string("ClientRequestToken");
        if (token != null) {
            var previous = tokens.previous(token, request);
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        var writes = new ArrayList<TableStore.ItemWrite>();
        var returnOnFailure = new ArrayList<Boolean>();
        var seen = new HashSet<String>();
        for (var node : items) {
            var params = new Params(node);
            var check = params.params("ConditionCheck");
            var put = params.params("Put");
            var delete = params.params("Delete");
            var update = params.params("Update");
            int present = (check != null ? 1 : 0)
                    + (put != null ? 1 : 0)
                    + (delete != null ? 1 : 0)
                    + (update != null ? 1 : 0);
            if (present != 1) {
                throw TableErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            TableStore.ItemWrite write;
            Params action;
            if (check != null) {
                action = check;
                var table = table(check);
                var attributes = expressionAttributes(check);
                var expression = check.string("ConditionExpression");
                var errorsForCheck = new ValidationErrors();
                errorsForCheck.notNull("conditionExpression", expression);
                errorsForCheck.throwIfAny();
                var condition = ConditionParser.parse(expression, ExpressionKind.CONDITION, attributes);
                attributes.requireAllUsed();
                var key = Keys.fromKeyParameter(table.definition().keySchema(), check.attributeValueMap("Key"));
                write = new TableStore.ItemWrite(table, key, current -> {
                    requireCondition(condition, current, check);
                    return current;
                });
            } else if (put != null) {
                action = put;
                write = putWrite(table(put), put);
            } else if (delete != null) {
                action = delete;
                write = deleteWrite(table(delete), delete);
            } else {
                action = update;
                write = updateWrite(table(update), update).write();
            }
            returnOnFailure.add("ALL_OLD".equals(action.string("ReturnValuesOnConditionCheckFailure")));
            if (!seen.add(write.table().name() + "\u0000" + write.key())) {
                throw TableErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        var outcome = store.transactWrite(writes);
        if (!outcome.succeeded()) {
            throw cancelled(outcome.failures());
        }
        var response = JSON.objectNode();
        // Transactions cost twice the units of the same writes outside one.
        var units = new LinkedHashMap<String, Double>();
        for (int i = 0; i < writes.size(); i++) {
            var result = outcome.results().get(i);
            units.merge(
                    writes.get(i).table().name(),
                    2 * Capacity.writeUnits(result.before(), result.after()),
                    Double::sum);
        }
        addCapacityList(response, request, units, false);
        if (token != null) {
            tokens.remember(token, request, response);
        }
        return response;
    }

    private static void addCapacityList(
            ObjectNode response, Params request, Map<String, Double> unitsByTable, boolean read) {
        var capacity = JSON.arrayNode();
        unitsByTable.forEach((table, total) -> {
            var consumed = Capacity.consumed(
                    request.string("ReturnConsumedCapacity"), table, total, read ? total : 0, read ? 0 : total);
            if (consumed != null) {
                capacity.add(consumed);
            }
        });
        if (!capacity.isEmpty()) {
            response.set("ConsumedCapacity", capacity);
        }
    }

    ObjectNode transactGetItems(Params request) {
        var items = request.list("TransactItems");
        var errors = new ValidationErrors();
        errors.notNull("transactItems", items);
        errors.sizeBetween("transactItems", items, 1, MAX_TRANSACTION_ITEMS);
        errors.throwIfAny();
        record Read(TableState table, Item key, Optional<Projection> projection) {}
        var reads = new ArrayList<Read>();
        for (var node : items) {
            var get = new Params(node).params("Get");
            var getErrors = new ValidationErrors();
            getErrors.notNull("transactItems.member.get", get);
            getErrors.throwIfAny();
            var table = table(get);
            var attributes = expressionAttributes(get);
            var projection = projection(get, attributes);
            attributes.requireAllUsed();
            reads.add(new Read(
                    table,
                    Keys.fromKeyParameter(table.definition().keySchema(), get.attributeValueMap("Key")),
                    projection));
        }
        var response = JSON.objectNode();
        var responses = response.putArray("Responses");
        var units = new LinkedHashMap<String, Double>();
        for (var read : reads) {
            var entry = responses.addObject();
            var item = store.getItem(read.table().name(), read.key());
            item.ifPresent(found -> entry.set(
                    "Item",
                    AttributeValues.writeItem(
                            read.projection().map(p -> p.apply(found)).orElse(found))));
            // Transactional reads are strongly consistent and cost twice.
            units.merge(
                    read.table().name(),
                    2 * Capacity.readUnits(item.map(Item::size).orElse(0), true),
                    Double::sum);
        }
        addCapacityList(response, request, units, true);
        return response;
    }

    // ---- building writes ----

    private TableStore.ItemWrite putWrite(TableState table, Params request) {
        var item = request.item("Item");
        requireNonNullParameter(item, "item");
        var attributes = expressionAttributes(request);
        var condition = condition(request, attributes);
        attributes.requireAllUsed();
        checkSize(item);
        var key = Keys.fromItem(table.definition().keySchema(), item);
        return new TableStore.ItemWrite(table, key, current -> {
            requireCondition(condition, current, request);
            return Optional.of(item);
        });
    }

    private TableStore.ItemWrite deleteWrite(TableState table, Params request) {
        var attributes = expressionAttributes(request);
        var condition = condition(request, attributes);
        attributes.requireAllUsed();
        var key = Keys.fromKeyParameter(table.definition().keySchema(), request.attributeValueMap("Key"));
        return new TableStore.ItemWrite(table, key, current -> {
            requireCondition(condition, current, request);
            return Optional.empty();
        });
    }

    private record PreparedUpdate(TableStore.ItemWrite write, Update update) {}

    private PreparedUpdate updateWrite(TableState table, Params request) {
        var attributes = expressionAttributes(request);
        var expression = request.string("UpdateExpression");
        var schema = table.definition().keySchema();
        Update update;
        if (expression != null) {
            update = UpdateParser.parse(expression, attributes);
        } else if (request.has("AttributeUpdates")) {
            update = AttributeUpdates.toUpdate(request.node("AttributeUpdates"), schema);
        } else {
            update = null;
        }
        var condition = condition(request, attributes);
        attributes.requireAllUsed();
        var key = Keys.fromKeyParameter(schema, request.attributeValueMap("Key"));
        if (update != null) {
            for (var action : update.actions()) {
                if (Keys.isKeyAttribute(schema, action.path().attribute())) {
                    throw TableErrors.invalidParameter("Cannot update attribute "
                            + action.path().attribute() + ". This attribute is part of the key");
                }
            }
        }
        var write = new TableStore.ItemWrite(table, key, current -> {
            requireCondition(condition, current, request);
            var base = current.orElse(key);
            var updated = update == null ? base : UpdateApplier.apply(update, base);
            if (updated.exceedsMaxSize()) {
                throw TableErrors.validation("Item size to update has exceeded the maximum allowed size");
            }
            return Optional.of(updated);
        });
        return new PreparedUpdate(write, update);
    }

    // ---- shared parts ----

    /** The constraints of single-item requests, reported together as DynamoDB does. */
    private static void requireTableAndKey(Params request) {
        var errors = new ValidationErrors();
        errors.name("tableName", request.string("TableName"), true);
        errors.notNull("key", request.node("Key"));
        errors.throwIfAny();
    }

    private TableState table(Params request) {
        var name = request.string("TableName");
        var errors = new ValidationErrors();
        errors.name("tableName", name, true);
        errors.throwIfAny();
        return store.table(name).orElseThrow(TableErrors::resourceNotFound);
    }

    static ExpressionAttributes expressionAttributes(Params request) {
        var names = request.stringMap("ExpressionAttributeNames");
        var values = request.attributeValueMap("ExpressionAttributeValues");
        if (request.has("ExpressionAttributeNames") && names.isEmpty()) {
            throw TableErrors.validation("ExpressionAttributeNames must not be empty");
        }
        if (request.has("ExpressionAttributeValues") && values.isEmpty()) {
            throw TableErrors.validation("ExpressionAttributeValues must not be empty");
        }
        return ExpressionAttributes.of(names, values);
    }

    /** {@code ProjectionExpression}, or the legacy {@code AttributesToGet}. */
    static Optional<Projection> projection(Params request, ExpressionAttributes attributes) {
        var expression = request.string("ProjectionExpression");
        if (expression != null) {
            return Optional.of(Projection.parse(expression, attributes));
        }
        var attributesToGet = request.node("AttributesToGet");
        return attributesToGet == null ? Optional.empty() : Optional.of(AttributesToGet.toProjection(attributesToGet));
    }

    /** {@code ConditionExpression}, or the legacy {@code Expected} with {@code ConditionalOperator}. */
    private static Condition condition(Params request, ExpressionAttributes attributes) {
        var expression = request.string("ConditionExpression");
        if (expression != null) {
            return ConditionParser.parse(expression, ExpressionKind.CONDITION, attributes);
        }
        return Expected.toCondition(request.node("Expected"), request.node("ConditionalOperator"))
                .orElse(null);
    }

    private static void requireCondition(Condition condition, Optional<Item> current, Params request) {
        if (condition == null || ConditionEvaluator.matches(condition, current.orElse(Item.empty()))) {
            return;
        }
        if ("ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure")) && current.isPresent()) {
            throw new AwsException(
                    "ConditionalCheckFailedException",
                    400,
                    "The conditional request failed",
                    Map.of("Item", AttributeValues.writeItem(current.get())));
        }
        throw TableErrors.conditionalCheckFailed();
    }

    private static AwsException cancelled(List<Optional<AwsException>> failures) {
        var codes = new ArrayList<String>();
        var reasons = JSON.arrayNode();
        for (var failure : failures) {
            var reason = reasons.addObject();
            if (failure.isEmpty()) {
                codes.add("None");
                reason.put("Code", "None");
                continue;
            }
            var error = failure.get();
            var code = error.code().equals("ConditionalCheckFailedException")
                    ? "ConditionalCheckFailed"
                    : error.code().replace("Exception", "");
            codes.add(code);
            reason.put("Code", code);
            reason.put("Message", error.getMessage());
            var item = error.extraFields().get("Item");
            if (item instanceof JsonNode node) {
                reason.set("Item", node);
            }
        }
        return new AwsException(
                "TransactionCanceledException",
                400,
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                Map.of("CancellationReasons", reasons));
    }

    private static void checkSize(Item item) {
        if (item.exceedsMaxSize()) {
            throw TableErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void requireNonNullParameter(Object value, String path) {
        var errors = new ValidationErrors();
        errors.notNull(path, value);
        errors.throwIfAny();
    }

    private static String returnValues(Params request, List<String> allowed, String message) {
        var value = request.string("ReturnValues");
        if (value == null) {
            return "NONE";
        }
        var errors = new ValidationErrors();
        errors.oneOf("returnValues", value, List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"));
        errors.throwIfAny();
        if (!allowed.contains(value)) {
            throw TableErrors.validation(message);
        }
        return value;
    }

    private static void addCapacity(ObjectNode response, Params request, TableState table, double units, boolean read) {
        var consumed = Capacity.consumed(
                request.string("ReturnConsumedCapacity"), table.name(), units, read ? units : 0, read ? 0 : units);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
    }
}
