package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.expression.Condition;
import dev.regionless.tables.expression.ConditionEvaluator;
import dev.regionless.tables.expression.ConditionParser;
import dev.regionless.tables.expression.ExpressionKind;
import dev.regionless.tables.expression.KeyConditionParser;
import dev.regionless.tables.expression.Projection;
import dev.regionless.tables.legacy.Filter;
import dev.regionless.tables.legacy.KeyConditions;
import dev.regionless.tables.legacy.ParameterMixing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Query and Scan: read items in key order from a table or an index, a page at a time. A page ends after
 * {@code Limit} items were read or once the items read reach 1 MB (both before the filter is applied, as in
 * DynamoDB); {@code LastEvaluatedKey} then names the last item read.
 */
final class ReadOperations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECT =
            List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

    private final TableStore store;

    ReadOperations(TableStore store) {
        this.store = store;
    }

    ObjectNode query(Params request) {
        return query(request, false);
    }

    /**
     * A Query whose filter may also name key attributes, which a {@code FilterExpression} may not: a PartiQL WHERE
     * clause can say more about the key than a key condition holds, and the rest of it filters.
     */
    ObjectNode query(Params request, boolean keyFilterAllowed) {
        ParameterMixing.check(request.json(), ParameterMixing.Operation.QUERY);
        var common = readCommon(request);
        var keySchema = common.keySchema();
        var keyExpression = request.string("KeyConditionExpression");
        var keyCondition = keyExpression != null
                ? KeyConditionParser.parse(keyExpression, common.attributes(), keySchema)
                : KeyConditions.toKeyCondition(request.node("KeyConditions"), keySchema);
        Condition filter;
        if (request.has("QueryFilter")) {
            var keyAttributes = new ArrayList<String>();
            keyAttributes.add(keySchema.partitionKey().name());
            keySchema.sort().ifPresent(k -> keyAttributes.add(k.name()));
            filter = Filter.queryFilter(request.node("QueryFilter"), request.node("ConditionalOperator"), keyAttributes)
                    .orElse(null);
        } else {
            filter = filter(request, common);
            if (filter != null && !keyFilterAllowed) {
                for (var name : keyNames(keySchema)) {
                    if (mentions(request.string("FilterExpression"), request, name)) {
                        throw TableErrors.validation(
                                "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                                        + name);
                    }
                }
            }
        }
        common.attributes().requireAllUsed();
        boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));
        var range = new TableStore.ReadRange(
                common.index() == null ? null : common.index().name(),
                keyCondition,
                0,
                1,
                forward,
                common.exclusiveStartKey());
        return page(request, common, range, filter);
    }

    private static List<String> keyNames(KeySchema schema) {
        var names = new ArrayList<String>();
        names.add(schema.partitionKey().name());
        schema.sort().ifPresent(k -> names.add(k.name()));
        return names;
    }

    ObjectNode scan(Params request) {
        ParameterMixing.check(request.json(), ParameterMixing.Operation.SCAN);
        var common = readCommon(request);
        var segment = request.integer("Segment");
        var totalSegments = request.integer("TotalSegments");
        var errors = new ValidationErrors();
        errors.atLeast("segment", segment, 0);
        errors.atMost("segment", segment, 999_999);
        errors.atLeast("totalSegments", totalSegments, 1);
        errors.atMost("totalSegments", totalSegments, 1_000_000);
        errors.throwIfAny();
        if (segment != null && totalSegments == null) {
            throw TableErrors.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (totalSegments != null && segment == null) {
            throw TableErrors.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw TableErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
        var filter = request.has("ScanFilter")
                ? Filter.scanFilter(request.node("ScanFilter"), request.node("ConditionalOperator"))
                        .orElse(null)
                : filter(request, common);
        common.attributes().requireAllUsed();
        var range = new TableStore.ReadRange(
                common.index() == null ? null : common.index().name(),
                null,
                segment == null ? 0 : segment,
                totalSegments == null ? 1 : totalSegments,
                true,
                common.exclusiveStartKey());
        return page(request, common, range, filter);
    }

    private record Common(
            TableState table,
            IndexDefinition index,
            KeySchema keySchema,
            dev.regionless.tables.expression.ExpressionAttributes attributes,
            Optional<Projection> projection,
            String select,
            Integer limit,
            boolean consistent,
            Item exclusiveStartKey) {}

    private Common readCommon(Params request) {
        var errors = new ValidationErrors();
        var tableName = request.string("TableName");
        errors.name("tableName", tableName, true);
        var indexName = request.string("IndexName");
        errors.name("indexName", indexName, false);
        var limit = request.integer("Limit");
        errors.atLeast("limit", limit, 1);
        var select = request.string("Select");
        errors.oneOf("select", select, SELECT);
        errors.throwIfAny();
        var table = store.table(tableName).orElseThrow(TableErrors::resourceNotFound);
        IndexDefinition index = null;
        if (indexName != null) {
            index = table.definition()
                    .index(indexName)
                    .orElseThrow(
                            () -> TableErrors.validation("The table does not have the specified index: " + indexName));
            if ("CREATING".equals(table.indexStatuses().get(indexName))) {
                throw TableErrors.validation("Cannot read from backfilling global secondary index: " + indexName);
            }
        }
        boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
        if (consistent && index != null && index.global()) {
            throw TableErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        var attributes = ItemOperations.expressionAttributes(request);
        var projection = ItemOperations.projection(request, attributes);
        if (select == null) {
            select = projection.isPresent()
                    ? "SPECIFIC_ATTRIBUTES"
                    : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection.isEmpty()) {
            throw TableErrors.validation(
                    "One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires "
                            + "AttributesToGet or ProjectionExpression");
        }
        if (!select.equals("SPECIFIC_ATTRIBUTES") && projection.isPresent()) {
            throw TableErrors.validation("One or more parameter values were invalid: Select type " + select
                    + " is not compatible with ProjectionExpression");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw TableErrors.validation("One or more parameter values were invalid: Select type "
                    + "ALL_PROJECTED_ATTRIBUTES is only valid when querying an index");
        }
        if (select.equals("ALL_ATTRIBUTES")
                && index != null
                && index.global()
                && index.projection().type() != IndexDefinition.ProjectionType.ALL) {
            throw TableErrors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                    + "not supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
        var keySchema = index == null ? table.definition().keySchema() : index.keySchema();
        Item start = null;
        var startMap = request.attributeValueMap("ExclusiveStartKey");
        if (request.has("ExclusiveStartKey")) {
            start = startKey(table, index, startMap);
        }
        return new Common(table, index, keySchema, attributes, projection, select, limit, consistent, start);
    }

    private static Item startKey(TableState table, IndexDefinition index, java.util.Map<String, AttributeValue> key) {
        var required = new LinkedHashMap<String, String>();
        addKey(required, table.definition().keySchema());
        if (index != null) {
            addKey(required, index.keySchema());
        }
        if (!required.keySet().equals(key.keySet())) {
            throw TableErrors.validation(
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
        for (var entry : required.entrySet()) {
            if (!key.get(entry.getKey()).typeName().equals(entry.getValue())) {
                throw TableErrors.validation(
                        "The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        return new Item(key);
    }

    private static void addKey(LinkedHashMap<String, String> names, KeySchema schema) {
        names.put(schema.partitionKey().name(), schema.partitionKey().type().name());
        schema.sort().ifPresent(k -> names.put(k.name(), k.type().name()));
    }

    private static Condition filter(Params request, Common common) {
        var expression = request.string("FilterExpression");
        return expression == null
                ? null
                : ConditionParser.parse(expression, ExpressionKind.FILTER, common.attributes());
    }

    /** Whether the filter names the attribute, directly or through a placeholder. */
    private static boolean mentions(String expression, Params request, String attribute) {
        var names = request.stringMap("ExpressionAttributeNames");
        for (var token : expression.split("[^A-Za-z0-9_#.]+")) {
            var first = token.split("\\.")[0];
            var resolved = first.startsWith("#") ? names.get(first) : first;
            if (attribute.equals(resolved)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode page(Params request, Common common, TableStore.ReadRange range, Condition filter) {
        var response = JSON.objectNode();
        var items = common.select().equals("COUNT") ? null : response.putArray("Items");
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        Item last = null;
        boolean stopped = false;
        boolean fetchFromTable = common.index() != null
                && !common.index().global()
                && common.index().projection().type() != IndexDefinition.ProjectionType.ALL
                && (common.select().equals("ALL_ATTRIBUTES")
                        || common.projection().isPresent());
        try (var cursor = store.read(common.table(), range)) {
            while (cursor.hasNext()) {
                if ((common.limit() != null && scanned >= common.limit()) || bytes >= PAGE_BYTES) {
                    stopped = true;
                    break;
                }
                var entry = cursor.next();
                var item = fetchFromTable ? baseItem(common.table(), entry) : entry;
                scanned++;
                bytes += item.size();
                last = item;
                if (filter != null && !ConditionEvaluator.matches(filter, item)) {
                    continue;
                }
                count++;
                if (items != null) {
                    var shown = common.projection().map(p -> p.apply(item)).orElse(item);
                    items.add(AttributeValues.writeItem(shown));
                }
            }
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        // DynamoDB names the last item read whenever Limit (or the 1 MB page) stopped the read, even when it was
        // the last item there was; the next page is then empty.
        if (common.limit() != null && scanned >= common.limit() || bytes >= PAGE_BYTES) {
            stopped = true;
        }
        if (stopped && last != null) {
            response.set("LastEvaluatedKey", AttributeValues.writeItem(lastEvaluatedKey(common, last)));
        }
        var consumed = Capacity.consumed(
                request.string("ReturnConsumedCapacity"),
                common.table().name(),
                Capacity.readUnits(bytes, common.consistent()),
                Capacity.readUnits(bytes, common.consistent()),
                0);
        if (consumed != null) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** The table's item behind a local index entry, for attributes the index does not project. */
    private Item baseItem(TableState table, Item entry) {
        var key =
                dev.regionless.tables.engine.IndexKeys.keyOf(table.definition().keySchema(), entry);
        return store.getItem(table.name(), key).orElse(entry);
    }

    private static Item lastEvaluatedKey(Common common, Item item) {
        var key = new LinkedHashMap<String, AttributeValue>();
        var names = new LinkedHashMap<String, String>();
        addKey(names, common.table().definition().keySchema());
        if (common.index() != null) {
            addKey(names, common.index().keySchema());
        }
        names.keySet().forEach(name -> item.get(name).ifPresent(value -> key.put(name, value)));
        return new Item(key);
    }
}
