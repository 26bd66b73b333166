package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.ItemCursor;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

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
        TableDefinitions.checkThroughputConstraints(errors, "provisionedThroughput", throughputParams);
        errors.throwIfAny();

        var definitions = TableDefinitions.attributeDefinitions(definitionNodes);
        var keySchema = TableDefinitions.keySchema(keySchemaNodes, definitions, "");
        var billingMode = billing == null ? BillingMode.PROVISIONED : BillingMode.valueOf(billing);
        var throughput = TableDefinitions.throughput(billingMode, throughputParams);
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
                var index =
                        TableDefinitions.index(new Params(node), definitions, keySchema, false, billingMode, number++);
                indexes.add(index);
                TableDefinitions.addKeyNames(used, index.keySchema());
            }
        }
        var globals = request.list("GlobalSecondaryIndexes");
        if (globals != null) {
            if (globals.size() > MAX_GLOBAL_INDEXES) {
                throw TableErrors.invalidParameter(
                        "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
            }
            for (var node : globals) {
                var index =
                        TableDefinitions.index(new Params(node), definitions, keySchema, true, billingMode, number++);
                indexes.add(index);
                TableDefinitions.addKeyNames(used, index.keySchema());
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
        var stream = TableDefinitions.streamSpecification(request.params("StreamSpecification"));
        boolean deletionProtection = Boolean.TRUE.equals(request.bool("DeletionProtectionEnabled"));
        var state = store.createTable(new TableDefinition(
                name, keySchema, definitions, billingMode, throughput, indexes, stream, deletionProtection));
        var tags = TableDefinitions.tags(request.list("Tags"));
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
        result.set("Table", TableDescriptions.describe(table, table.status(), counts[0], counts[1], replicas));
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
        TableDefinitions.checkThroughputConstraints(errors, "provisionedThroughput", throughputParams);
        errors.throwIfAny();

        var definition = table.definition();
        var newDefinitions = new LinkedHashMap<>(definition.attributeDefinitions());
        var extraDefinitions = request.list("AttributeDefinitions");
        if (extraDefinitions != null) {
            newDefinitions.putAll(TableDefinitions.attributeDefinitions(extraDefinitions));
        }
        var billingMode = billing == null ? definition.billingMode() : BillingMode.valueOf(billing);
        var throughput = billing == null && throughputParams == null
                ? definition.throughput()
                : TableDefinitions.throughput(
                        billingMode, throughputParams != null ? throughputParams : null, definition);
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
                    var index = TableDefinitions.index(
                            create, newDefinitions, definition.keySchema(), true, billingMode, number++);
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
                ? TableDefinitions.streamSpecification(request.params("StreamSpecification"))
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
        TableDefinitions.addKeyNames(usedNames, definition.keySchema());
        indexes.forEach(index -> TableDefinitions.addKeyNames(usedNames, index.keySchema()));
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
        result.set(
                "TableDescription",
                TableDescriptions.describe(updated, updated.status(), counts[0], counts[1], replicas));
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
        var tags = TableDefinitions.tags(request.list("Tags"));
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
}
