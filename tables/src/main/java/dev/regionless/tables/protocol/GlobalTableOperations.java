package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.catalog.TableState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The global tables API of version 2017.11.29 (Legacy), for tools written against it, answered from the current
 * version's model: a global table is a table with replicas, named as the table. Describe and List read the local
 * catalog; Create and Update add and remove replicas exactly as UpdateTable's {@code ReplicaUpdates} do, so the
 * replicas are created by this call (the tables must not exist in the other regions yet) and this region's table
 * may already hold data.
 */
final class GlobalTableOperations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int DEFAULT_LIST_LIMIT = 100;

    private final TableStore store;
    private final ReplicaControl replicas;

    GlobalTableOperations(TableStore store, ReplicaControl replicas) {
        this.store = store;
        this.replicas = replicas;
    }

    ObjectNode describeGlobalTable(Params request) {
        var table = existingGlobalTable(request);
        var result = JSON.objectNode();
        result.set("GlobalTableDescription", description(table));
        return result;
    }

    ObjectNode listGlobalTables(Params request) {
        var errors = new ValidationErrors();
        var limit = request.integer("Limit");
        errors.atLeast("limit", limit, 1);
        var start = request.string("ExclusiveStartGlobalTableName");
        errors.name("exclusiveStartGlobalTableName", start, false);
        var region = request.string("RegionName");
        errors.throwIfAny();
        int max = limit == null ? DEFAULT_LIST_LIMIT : limit;
        var tables = store.tableNames().stream()
                .filter(name -> start == null || name.compareTo(start) > 0)
                .map(store::table)
                .flatMap(java.util.Optional::stream)
                .filter(TableState::isGlobal)
                .filter(table -> region == null || table.replicas().contains(region))
                .toList();
        var result = JSON.objectNode();
        var array = result.putArray("GlobalTables");
        tables.stream().limit(max).forEach(table -> {
            var entry = array.addObject().put("GlobalTableName", table.name());
            var group = entry.putArray("ReplicationGroup");
            table.replicas().forEach(name -> group.addObject().put("RegionName", name));
        });
        if (tables.size() > max) {
            result.put("LastEvaluatedGlobalTableName", tables.get(max - 1).name());
        }
        return result;
    }

    /**
     * Makes this region's table global with a replica in every other region of {@code ReplicationGroup}, which
     * must name this region. Differs from the legacy API: the other regions' tables are created here from this
     * table's definition, so they must not exist yet; this table may hold data.
     */
    ObjectNode createGlobalTable(Params request) {
        var name = globalTableName(request);
        var group = regionNames(request, "ReplicationGroup", "replicationGroup");
        var table = store.table(name).orElseThrow(() -> tableNotFound(name));
        if (table.isGlobal()) {
            throw new AwsException(
                    "GlobalTableAlreadyExistsException", 400, "Global table with this name already exists");
        }
        if (!group.contains(store.region())) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "ReplicationGroup: " + group + " (expected: a list of regions that includes " + store.region()
                            + ", where this call is made)");
        }
        var updates = group.stream()
                .filter(region -> !region.equals(store.region()))
                .map(region -> new ReplicaControl.ReplicaUpdate(ReplicaControl.Action.CREATE, region))
                .toList();
        var updated = updates.isEmpty() ? table : replicas.update(table, updates);
        var result = JSON.objectNode();
        result.set("GlobalTableDescription", description(updated));
        return result;
    }

    /** Adds and removes replicas: {@code ReplicaUpdates} of {@code {"Create": {"RegionName"}}} or Delete. */
    ObjectNode updateGlobalTable(Params request) {
        var table = existingGlobalTable(request);
        var nodes = request.list("ReplicaUpdates");
        if (nodes == null || nodes.isEmpty()) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "1 validation error detected: Value null at 'replicaUpdates' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1");
        }
        var updates = new ArrayList<ReplicaControl.ReplicaUpdate>();
        var present = new LinkedHashSet<>(table.replicas());
        for (var node : nodes) {
            var update = new Params(node);
            var create = update.params("Create");
            var delete = update.params("Delete");
            if ((create == null) == (delete == null)) {
                throw new AwsException(
                        "ValidationException",
                        400,
                        "ReplicaUpdates: " + node + " (expected: exactly one of Create or Delete)");
            }
            var region = requiredRegion(create != null ? create : delete, "replicaUpdates.member.regionName");
            if (create != null && !present.add(region)) {
                throw new AwsException(
                        "ReplicaAlreadyExistsException", 400, "Replica already exists in region " + region);
            }
            if (delete != null && !present.remove(region)) {
                throw new AwsException("ReplicaNotFoundException", 400, "Replica not found in region " + region);
            }
            updates.add(new ReplicaControl.ReplicaUpdate(
                    create != null ? ReplicaControl.Action.CREATE : ReplicaControl.Action.DELETE, region));
        }
        var updated = replicas.update(table, updates);
        var result = JSON.objectNode();
        result.set("GlobalTableDescription", description(updated));
        return result;
    }

    /**
     * A global table as version 2017.11.29 describes it: its replicas' regions (with their status, a field of the
     * current version), an ARN without a region, and the status of the whole: CREATING while every other replica is
     * being filled, UPDATING while some are, ACTIVE otherwise. A table whose last other replica was just removed
     * is described with this region alone.
     */
    private ObjectNode description(TableState table) {
        var node = JSON.objectNode();
        var group = node.putArray("ReplicationGroup");
        (table.isGlobal() ? table.replicas() : List.of(store.region()))
                .forEach(region ->
                        group.addObject().put("RegionName", region).put("ReplicaStatus", table.replicaStatus(region)));
        // arn:aws:dynamodb:<region>:<account>:table/<name>; a global table's ARN has no region.
        var account = table.arn().split(":")[4];
        node.put("GlobalTableArn", "arn:aws:dynamodb::" + account + ":global-table/" + table.name());
        node.put("CreationDateTime", TableDescriptions.seconds(table.createdAtMillis()));
        node.put("GlobalTableStatus", status(table));
        node.put("GlobalTableName", table.name());
        return node;
    }

    private String status(TableState table) {
        var others = table.replicas().stream()
                .filter(region -> !region.equals(store.region()))
                .toList();
        long creating = others.stream()
                .filter(region -> table.replicaStatus(region).equals("CREATING"))
                .count();
        if (creating == 0) {
            return "ACTIVE";
        }
        return creating == others.size() ? "CREATING" : "UPDATING";
    }

    private TableState existingGlobalTable(Params request) {
        var name = globalTableName(request);
        return store.table(name).filter(TableState::isGlobal).orElseThrow(() -> globalTableNotFound(name));
    }

    private static String globalTableName(Params request) {
        var name = request.string("GlobalTableName");
        var errors = new ValidationErrors();
        errors.name("globalTableName", name, true);
        errors.throwIfAny();
        return name;
    }

    private static List<String> regionNames(Params request, String field, String path) {
        var nodes = request.list(field);
        if (nodes == null || nodes.isEmpty()) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "1 validation error detected: Value null at '" + path
                            + "' failed to satisfy constraint: Member must not be null");
        }
        var regions = new LinkedHashSet<String>();
        for (JsonNode node : nodes) {
            var region = requiredRegion(new Params(node), path + ".member.regionName");
            if (!regions.add(region)) {
                throw new AwsException(
                        "ValidationException",
                        400,
                        field + ": region " + region + " appears twice (expected: each region once)");
            }
        }
        return List.copyOf(regions);
    }

    private static String requiredRegion(Params replica, String path) {
        var region = replica.string("RegionName");
        if (region == null || region.isBlank()) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "1 validation error detected: Value null at '" + path
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return region;
    }

    private static AwsException globalTableNotFound(String name) {
        return new AwsException(
                "GlobalTableNotFoundException",
                400,
                "Global table not found: Global table with name: " + name + " does not exist.");
    }

    private static AwsException tableNotFound(String name) {
        return new AwsException(
                "TableNotFoundException",
                400,
                "Table not found: A table with the name " + name + " does not exist in this region");
    }
}
