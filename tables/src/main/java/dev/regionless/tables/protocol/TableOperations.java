package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.ItemCursor;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The table-level operations: the catalog, time to live, tags, and the service's limits and endpoints. */
final class TableOperations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_GLOBAL_INDEXES = 20;
    private static final int MAX_LOCAL_INDEXES = 5;

    private final TableStore store;
    private final ReplicaControl replicas;

    TableOperations(TableStore store, ReplicaControl replicas) {
        this.store = store;
        this.replicas = replicas;
    }

    ObjectNode createTable(Params request) {
        var errors = new ValidationErrors();
        var name = request.string("TableName");
        errors.name("tableName", name, true);
        var keySchemaNodes = request.list("KeySchema");
        errors.notNull("keySchema", keySchemaNodes);
        errors.sizeBetween("keySchema", keySchemaNodes, 1, 2);
        var definitionNodes = request.list("AttributeDefinitions");
        errors.notNull("attributeDefinitions", definitionNodes);
        var billing = request.string("BillingMode");
        errors.oneOf("billingMode", billing, List.of("PROVISIONED", "PAY_PER_REQUEST"));
        var throughputParams = request.params("ProvisionedThroughput");
        checkThroughputConstraints(errors, "provisionedThroughput", throughputParams);
        errors.throwIfAny();

        var definitions = attributeDefinitions(definitionNodes);
        var keySchema = keySchema(keySchemaNodes, definitions, "");
        var billingMode = billing == null ? BillingMode.PROVISIONED : BillingMode.valueOf(billing);
        var throughput = throughput(billingMode, throughputParams);
        var used = new HashSet<String>();
        used.add(keySchema.partitionKey().name());
        keySchema.sort().ifPresent(k -> used.add(k.name()));

        var indexes = new ArrayList<IndexDefinition>();
        int number = 1;
        var locals = request.list("LocalSecondaryIndexes");
        if (locals != null) {
            if (keySchema.sort().isEmpty()) {
                throw TableErrors.invalidParameter("Table KeySchema does not have a range key, which is required "
                        + "when specifying a LocalSecondaryIndex");
            }
            if (locals.size() > MAX_LOCAL_INDEXES) {
                throw TableErrors.invalidParameter(
                        "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
            }
            for (var node : locals) {
                var index = index(new Params(node), definitions, keySchema, false, billingMode, number++);
                indexes.add(index);
                addKeyNames(used, index.keySchema());
            }
        }
        var globals = request.list("GlobalSecondaryIndexes");
        if (globals != null) {
            if (globals.size() > MAX_GLOBAL_INDEXES) {
                throw TableErrors.invalidParameter(
                        "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
            }
            for (var node : globals) {
                var index = index(new Params(node), definitions, keySchema, true, billingMode, number++);
                indexes.add(index);
                addKeyNames(used, index.keySchema());
            }
        }
        var names = new HashSet<String>();
        for (var index : indexes) {
            if (!names.add(index.name())) {
                throw TableErrors.invalidParameter("Duplicate index name: " + index.name());
            }
        }
        if (!used.equals(definitions.keySet())) {
            throw TableErrors.invalidParameter("Number of attributes in KeySchema does not exactly match number of "
                    + "attributes defined in AttributeDefinitions");
        }
        var stream = streamSpecification(request.params("StreamSpecification"));
        boolean deletionProtection = Boolean.TRUE.equals(request.bool("DeletionProtectionEnabled"));
        var state = store.createTable(new TableDefinition(
                name, keySchema, definitions, billingMode, throughput, indexes, stream, deletionProtection));
        var tags = tags(request.list("Tags"));
        if (!tags.isEmpty()) {
            state = store.updateTable(name, current -> current.withTags(tags));
        }
        var result = JSON.objectNode();
        result.set("TableDescription", TableDescriptions.describe(state, "CREATING", 0, 0));
        return result;
    }

    ObjectNode describeTable(Params request) {
        var table = existingTable(request);
        var result = JSON.objectNode();
        long[] counts = count(table);
        result.set("Table", TableDescriptions.describe(table, table.status(), counts[0], counts[1]));
        return result;
    }

    ObjectNode listTables(Params request) {
        var errors = new ValidationErrors();
        var limit = request.integer("Limit");
        errors.atLeast("limit", limit, 1);
        errors.atMost("limit", limit, 100);
        var start = request.string("ExclusiveStartTableName");
        errors.name("exclusiveStartTableName", start, false);
        errors.throwIfAny();
        int max = limit == null ? 100 : limit;
        var names = store.tableNames().stream()
                .filter(name -> start == null || name.compareTo(start) > 0)
                .toList();
        var result = JSON.objectNode();
        var array = result.putArray("TableNames");
        names.stream().limit(max).forEach(array::add);
        if (names.size() > max) {
            result.put("LastEvaluatedTableName", names.get(max - 1));
        }
        return result;
    }

    ObjectNode deleteTable(Params request) {
        var table = existingTable(request);
        var deleted = store.deleteTable(table.name());
        var result = JSON.objectNode();
        result.set("TableDescription", TableDescriptions.describe(deleted, "DELETING", 0, 0));
        return result;
    }

    ObjectNode updateTable(Params request) {
        var table = existingTable(request);
        if (request.has("ReplicaUpdates")) {
            return updateReplicas(table, request);
        }
        var billing = request.string("BillingMode");
        var errors = new ValidationErrors();
        errors.oneOf("billingMode", billing, List.of("PROVISIONED", "PAY_PER_REQUEST"));
        var throughputParams = request.params("ProvisionedThroughput");
        checkThroughputConstraints(errors, "provisionedThroughput", throughputParams);
        errors.throwIfAny();

        var definition = table.definition();
        var newDefinitions = new LinkedHashMap<>(definition.attributeDefinitions());
        var extraDefinitions = request.list("AttributeDefinitions");
        if (extraDefinitions != null) {
            newDefinitions.putAll(attributeDefinitions(extraDefinitions));
        }
        var billingMode = billing == null ? definition.billingMode() : BillingMode.valueOf(billing);
        var throughput = billing == null && throughputParams == null
                ? definition.throughput()
                : throughput(billingMode, throughputParams != null ? throughputParams : null, definition);
        var indexes = new ArrayList<>(definition.indexes());
        var updates = request.list("GlobalSecondaryIndexUpdates");
        if (updates != null) {
            int number =
                    indexes.stream().mapToInt(IndexDefinition::number).max().orElse(0) + 1;
            for (var node : updates) {
                var update = new Params(node);
                var create = update.params("Create");
                var delete = update.params("Delete");
                var change = update.params("Update");
                if (create != null) {
                    var index = index(create, newDefinitions, definition.keySchema(), true, billingMode, number++);
                    if (definition.index(index.name()).isPresent()) {
                        throw TableErrors.validation("One or more parameter values were invalid: Index with name: "
                                + index.name() + " already exists");
                    }
                    if (indexes.stream().filter(IndexDefinition::global).count() >= MAX_GLOBAL_INDEXES) {
                        throw TableErrors.invalidParameter(
                                "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
                    }
                    indexes.add(index);
                } else if (delete != null) {
                    var indexName = delete.string("IndexName");
                    boolean removed =
                            indexes.removeIf(i -> i.global() && i.name().equals(indexName));
                    if (!removed) {
                        throw TableErrors.resourceNotFoundMessage(
                                "Requested resource not found: Index: " + indexName + " not found");
                    }
                } else if (change != null) {
                    var indexName = change.string("IndexName");
                    if (definition
                            .index(indexName)
                            .filter(IndexDefinition::global)
                            .isEmpty()) {
                        throw TableErrors.resourceNotFoundMessage(
                                "Requested resource not found: Index: " + indexName + " not found");
                    }
                }
            }
        }
        var stream = request.has("StreamSpecification")
                ? streamSpecification(request.params("StreamSpecification"))
                : definition.stream();
        if (request.has("StreamSpecification")) {
            if (stream.enabled() && definition.stream().enabled()) {
                throw TableErrors.validation(
                        "Table already has an enabled stream: " + table.arn() + "/stream/" + table.streamLabel());
            }
            if (!stream.enabled() && !definition.stream().enabled()) {
                throw TableErrors.validation("Table already has no stream enabled");
            }
        }
        boolean deletionProtection = request.has("DeletionProtectionEnabled")
                ? request.bool("DeletionProtectionEnabled")
                : definition.deletionProtection();
        var usedNames = new HashSet<String>();
        addKeyNames(usedNames, definition.keySchema());
        indexes.forEach(index -> addKeyNames(usedNames, index.keySchema()));
        newDefinitions.keySet().retainAll(usedNames);
        var newDefinition = new TableDefinition(
                definition.name(),
                definition.keySchema(),
                newDefinitions,
                billingMode,
                throughput,
                indexes,
                stream,
                deletionProtection);
        var updated = store.updateTable(table.name(), current -> current.withDefinition(newDefinition));
        var result = JSON.objectNode();
        long[] counts = count(updated);
        result.set("TableDescription", TableDescriptions.describe(updated, "ACTIVE", counts[0], counts[1]));
        return result;
    }

    /**
     * UpdateTable with {@code ReplicaUpdates}: each entry holds exactly one of Create or Delete (Update, which only
     * changes per-replica settings we do not model, is refused). Other table changes are refused in the same call
     * so that a schema change never reaches only some replicas.
     */
    private ObjectNode updateReplicas(TableState table, Params request) {
        var others = request.json().properties().stream()
                .map(java.util.Map.Entry::getKey)
                .filter(name -> !name.equals("TableName") && !name.equals("ReplicaUpdates"))
                .toList();
        if (!others.isEmpty()) {
            throw TableErrors.validation("ReplicaUpdates cannot be combined with other table updates in one "
                    + "UpdateTable call: " + others + " (expected: only TableName and ReplicaUpdates)");
        }
        var nodes = request.list("ReplicaUpdates");
        if (nodes == null || nodes.isEmpty()) {
            throw TableErrors.validation("1 validation error detected: Value null at 'replicaUpdates' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        var updates = new ArrayList<ReplicaControl.ReplicaUpdate>();
        for (var node : nodes) {
            var update = new Params(node);
            var create = update.params("Create");
            var delete = update.params("Delete");
            if (update.has("Update")) {
                throw TableErrors.validation("ReplicaUpdates: Update is not supported (expected: Create or Delete)");
            }
            if ((create == null) == (delete == null)) {
                throw TableErrors.validation(
                        "ReplicaUpdates: each update needs exactly one of Create or Delete, got " + node);
            }
            var action = create != null ? ReplicaControl.Action.CREATE : ReplicaControl.Action.DELETE;
            var region = (create != null ? create : delete).string("RegionName");
            if (region == null || region.isBlank()) {
                throw TableErrors.validation("ReplicaUpdates: RegionName is required in " + node);
            }
            updates.add(new ReplicaControl.ReplicaUpdate(action, region));
        }
        var updated = replicas.update(table, updates);
        var result = JSON.objectNode();
        long[] counts = count(updated);
        result.set("TableDescription", TableDescriptions.describe(updated, updated.status(), counts[0], counts[1]));
        return result;
    }

    ObjectNode updateTimeToLive(Params request) {
        var table = existingTable(request);
        var specification = request.params("TimeToLiveSpecification");
        var errors = new ValidationErrors();
        errors.notNull("timeToLiveSpecification", specification);
        errors.throwIfAny();
        var enabled = specification.bool("Enabled");
        var attribute = specification.string("AttributeName");
        errors.notNull("timeToLiveSpecification.enabled", enabled);
        errors.notNull("timeToLiveSpecification.attributeName", attribute);
        errors.throwIfAny();
        if (attribute.isEmpty()) {
            throw TableErrors.validation("TimeToLiveSpecification.AttributeName must not be empty");
        }
        if (enabled && table.ttlAttribute() != null) {
            throw TableErrors.validation("TimeToLive is already enabled");
        }
        if (!enabled && table.ttlAttribute() == null) {
            throw TableErrors.validation("TimeToLive is already disabled");
        }
        if (!enabled && !attribute.equals(table.ttlAttribute())) {
            throw TableErrors.validation("The specified attribute name does not match the attribute name of the "
                    + "current TTL configuration");
        }
        store.updateTable(table.name(), current -> current.withTtlAttribute(enabled ? attribute : null));
        var result = JSON.objectNode();
        result.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return result;
    }

    ObjectNode describeTimeToLive(Params request) {
        var table = existingTable(request);
        var result = JSON.objectNode();
        var description = result.putObject("TimeToLiveDescription");
        if (table.ttlAttribute() == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", table.ttlAttribute());
        }
        return result;
    }

    ObjectNode tagResource(Params request) {
        var table = tableByArn(request.string("ResourceArn"));
        var tags = tags(request.list("Tags"));
        store.updateTable(table.name(), current -> {
            var merged = new HashMap<>(current.tags());
            merged.putAll(tags);
            return current.withTags(merged);
        });
        return JSON.objectNode();
    }

    ObjectNode untagResource(Params request) {
        var table = tableByArn(request.string("ResourceArn"));
        var keys = request.list("TagKeys");
        var errors = new ValidationErrors();
        errors.notNull("tagKeys", keys);
        errors.throwIfAny();
        store.updateTable(table.name(), current -> {
            var remaining = new HashMap<>(current.tags());
            keys.forEach(key -> remaining.remove(key.asText()));
            return current.withTags(remaining);
        });
        return JSON.objectNode();
    }

    ObjectNode listTagsOfResource(Params request) {
        var table = tableByArn(request.string("ResourceArn"));
        var result = JSON.objectNode();
        var array = result.putArray("Tags");
        new TreeMap<>(table.tags())
                .forEach((key, value) -> array.addObject().put("Key", key).put("Value", value));
        return result;
    }

    ObjectNode describeLimits(Params request) {
        return JSON.objectNode()
                .put("AccountMaxReadCapacityUnits", 80000)
                .put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000)
                .put("TableMaxWriteCapacityUnits", 40000);
    }

    ObjectNode describeEndpoints(Params request) {
        var result = JSON.objectNode();
        result.putArray("Endpoints")
                .addObject()
                .put("Address", "dynamodb." + store.region() + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return result;
    }

    // ---- helpers ----

    private TableState existingTable(Params request) {
        var name = request.string("TableName");
        var errors = new ValidationErrors();
        errors.name("tableName", name, true);
        errors.throwIfAny();
        return store.requireTable(name);
    }

    private TableState tableByArn(String arn) {
        var errors = new ValidationErrors();
        errors.notNull("resourceArn", arn);
        errors.throwIfAny();
        int slash = arn.indexOf(":table/");
        var name = slash < 0 ? null : arn.substring(slash + ":table/".length());
        if (name == null || name.contains("/")) {
            throw TableErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return store.table(name)
                .filter(table -> table.arn().equals(arn))
                .orElseThrow(() -> TableErrors.resourceNotFoundMessage(
                        "Requested resource not found: ResourcArn: " + arn + " not found"));
    }

    private long[] count(TableState table) {
        long items = 0;
        long bytes = 0;
        try (ItemCursor cursor = store.read(table, new TableStore.ReadRange(null, null, 0, 1, true, null))) {
            while (cursor.hasNext()) {
                bytes += cursor.next().size();
                items++;
            }
        }
        return new long[] {items, bytes};
    }

    private static Map<String, ScalarAttributeType> attributeDefinitions(List<JsonNode> nodes) {
        var definitions = new LinkedHashMap<String, ScalarAttributeType>();
        var errors = new ValidationErrors();
        for (int i = 0; i < nodes.size(); i++) {
            var params = new Params(nodes.get(i));
            var name = params.string("AttributeName");
            var type = params.string("AttributeType");
            errors.notNull("attributeDefinitions." + (i + 1) + ".member.attributeName", name);
            errors.notNull("attributeDefinitions." + (i + 1) + ".member.attributeType", type);
            errors.oneOf("attributeDefinitions." + (i + 1) + ".member.attributeType", type, List.of("B", "N", "S"));
            if (name != null && type != null && List.of("B", "N", "S").contains(type)) {
                if (definitions.put(name, ScalarAttributeType.valueOf(type)) != null) {
                    errors.throwIfAny();
                    throw TableErrors.invalidParameter("Cannot have two attributes with the same name");
                }
            }
        }
        errors.throwIfAny();
        return definitions;
    }

    private static KeySchema keySchema(
            List<JsonNode> nodes, Map<String, ScalarAttributeType> definitions, String path) {
        var errors = new ValidationErrors();
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (int i = 0; i < nodes.size(); i++) {
            var params = new Params(nodes.get(i));
            var name = params.string("AttributeName");
            var type = params.string("KeyType");
            errors.notNull(path + "keySchema." + (i + 1) + ".member.attributeName", name);
            errors.notNull(path + "keySchema." + (i + 1) + ".member.keyType", type);
            errors.oneOf(path + "keySchema." + (i + 1) + ".member.keyType", type, List.of("HASH", "RANGE"));
            names.add(name);
            types.add(type);
        }
        errors.sizeBetween(path + "keySchema", nodes, 1, 2);
        errors.throwIfAny();
        var missing = new TreeSet<String>();
        names.stream().filter(n -> !definitions.containsKey(n)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw TableErrors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. "
                    + "Keys: " + names + ", AttributeDefinitions: " + List.copyOf(definitions.keySet()));
        }
        if (!types.get(0).equals("HASH")) {
            throw TableErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2) {
            if (names.get(0).equals(names.get(1))) {
                throw TableErrors.validation(
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
            if (!types.get(1).equals("RANGE")) {
                throw TableErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
        }
        var partition = new KeyElement(names.get(0), definitions.get(names.get(0)));
        var sort = names.size() == 2 ? new KeyElement(names.get(1), definitions.get(names.get(1))) : null;
        return new KeySchema(partition, sort);
    }

    private static IndexDefinition index(
            Params params,
            Map<String, ScalarAttributeType> definitions,
            KeySchema tableKey,
            boolean global,
            BillingMode billingMode,
            int number) {
        var errors = new ValidationErrors();
        var name = params.string("IndexName");
        errors.name("indexName", name, true);
        var keyNodes = params.list("KeySchema");
        errors.notNull("keySchema", keyNodes);
        var projectionParams = params.params("Projection");
        errors.notNull("projection", projectionParams);
        errors.throwIfAny();
        var keySchema = keySchema(keyNodes, definitions, "");
        if (!global
                && !keySchema
                        .partitionKey()
                        .name()
                        .equals(tableKey.partitionKey().name())) {
            throw TableErrors.invalidParameter("Index KeySchema does not have the same leading hash key as table "
                    + "KeySchema for index: " + name + ". index hash key: "
                    + keySchema.partitionKey().name()
                    + ", table hash key: " + tableKey.partitionKey().name());
        }
        if (!global && keySchema.sort().isEmpty()) {
            throw TableErrors.invalidParameter("Index KeySchema does not have a range key for index: " + name);
        }
        var typeName = projectionParams.string("ProjectionType");
        errors.oneOf("projection.projectionType", typeName, List.of("ALL", "KEYS_ONLY", "INCLUDE"));
        errors.throwIfAny();
        var type = typeName == null
                ? IndexDefinition.ProjectionType.KEYS_ONLY
                : IndexDefinition.ProjectionType.valueOf(typeName);
        var nonKeyNodes = projectionParams.list("NonKeyAttributes");
        var nonKey = nonKeyNodes == null
                ? List.<String>of()
                : nonKeyNodes.stream().map(JsonNode::asText).toList();
        if (type == IndexDefinition.ProjectionType.INCLUDE && nonKeyNodes == null) {
            throw TableErrors.invalidParameter("NonKeyAttributes must not be empty");
        }
        if (type != IndexDefinition.ProjectionType.INCLUDE && nonKeyNodes != null) {
            throw TableErrors.invalidParameter(
                    "ProjectionType is " + type.name() + ", but NonKeyAttributes is specified");
        }
        var throughput = Throughput.ON_DEMAND;
        var throughputParams = params.params("ProvisionedThroughput");
        if (global) {
            if (billingMode == BillingMode.PROVISIONED && throughputParams == null) {
                throw TableErrors.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
            }
            if (throughputParams != null) {
                var throughputErrors = new ValidationErrors();
                checkThroughputConstraints(throughputErrors, "provisionedThroughput", throughputParams);
                throughputErrors.throwIfAny();
                if (billingMode == BillingMode.PAY_PER_REQUEST) {
                    throw TableErrors.invalidParameter("ProvisionedThroughput should not be specified for index: "
                            + name + " when BillingMode is PAY_PER_REQUEST");
                }
                throughput = new Throughput(
                        throughputParams.longValue("ReadCapacityUnits"),
                        throughputParams.longValue("WriteCapacityUnits"));
            }
        }
        return new IndexDefinition(
                name, global, keySchema, new IndexDefinition.IndexProjection(type, nonKey), throughput, number);
    }

    private static void checkThroughputConstraints(ValidationErrors errors, String path, Params throughput) {
        if (throughput == null) {
            return;
        }
        var read = throughput.longValue("ReadCapacityUnits");
        var write = throughput.longValue("WriteCapacityUnits");
        errors.notNull(path + ".readCapacityUnits", read);
        errors.notNull(path + ".writeCapacityUnits", write);
        errors.atLeast(path + ".readCapacityUnits", read, 1);
        errors.atLeast(path + ".writeCapacityUnits", write, 1);
    }

    private static Throughput throughput(BillingMode mode, Params throughput) {
        if (mode == BillingMode.PROVISIONED) {
            if (throughput == null) {
                throw TableErrors.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified "
                        + "when BillingMode is PROVISIONED");
            }
            return new Throughput(
                    throughput.longValue("ReadCapacityUnits"), throughput.longValue("WriteCapacityUnits"));
        }
        if (throughput != null) {
            throw TableErrors.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                    + "when BillingMode is PAY_PER_REQUEST");
        }
        return Throughput.ON_DEMAND;
    }

    private static Throughput throughput(BillingMode mode, Params throughput, TableDefinition current) {
        if (mode == BillingMode.PROVISIONED && throughput == null) {
            if (current.billingMode() == BillingMode.PROVISIONED) {
                return current.throughput();
            }
            throw TableErrors.validation("One or more parameter values were invalid: ProvisionedThroughput must be "
                    + "specified when BillingMode is PROVISIONED");
        }
        return throughput(mode, throughput);
    }

    private static StreamSpecification streamSpecification(Params params) {
        if (params == null) {
            return StreamSpecification.DISABLED;
        }
        var enabled = params.bool("StreamEnabled");
        var viewType = params.string("StreamViewType");
        var errors = new ValidationErrors();
        errors.notNull("streamSpecification.streamEnabled", enabled);
        errors.oneOf(
                "streamSpecification.streamViewType",
                viewType,
                List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
        errors.throwIfAny();
        if (enabled && viewType == null) {
            throw TableErrors.validation("One or more parameter values were invalid: "
                    + "You must specify a StreamViewType when enabling a stream");
        }
        if (!enabled && viewType != null) {
            throw TableErrors.validation("One or more parameter values were invalid: "
                    + "You cannot modify stream view type when disabling a stream");
        }
        return enabled
                ? new StreamSpecification(true, StreamSpecification.StreamViewType.valueOf(viewType))
                : StreamSpecification.DISABLED;
    }

    private static Map<String, String> tags(List<JsonNode> nodes) {
        var tags = new LinkedHashMap<String, String>();
        if (nodes == null) {
            return tags;
        }
        for (var node : nodes) {
            var params = new Params(node);
            var key = params.string("Key");
            var value = params.string("Value");
            var errors = new ValidationErrors();
            errors.notNull("tags.member.key", key);
            errors.notNull("tags.member.value", value);
            errors.throwIfAny();
            tags.put(key, value);
        }
        return tags;
    }

    private static void addKeyNames(java.util.Set<String> names, KeySchema schema) {
        names.add(schema.partitionKey().name());
        schema.sort().ifPresent(k -> names.add(k.name()));
    }
}
