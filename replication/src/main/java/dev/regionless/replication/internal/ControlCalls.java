package dev.regionless.replication.internal;

import dev.regionless.common.Json;
import dev.regionless.tables.catalog.TableDefinition;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The control messages one region sends another over the replication link to add and remove replicas, and the
 * client side of them. Bodies are these records as JSON.
 */
final class ControlCalls {
    static final String CREATE_PATH = "/regionless/replication/v1/replicas/create";
    static final String SET_PATH = "/regionless/replication/v1/replicas/set";
    static final String DELETE_PATH = "/regionless/replication/v1/replicas/delete";

    /** Create the table as a new replica: same definition and time to live, already global. */
    record CreateReplica(
            TableDefinition definition,
            String ttlAttribute,
            List<String> replicas,
            Map<String, String> replicaStatuses) {}

    /** The table's replicas and their statuses changed. */
    record SetReplicas(String table, List<String> replicas, Map<String, String> replicaStatuses) {}

    /** This region's replica is removed: delete the table. */
    record DeleteReplica(String table) {}

    private final PeerClient client;

    ControlCalls(PeerClient client) {
        this.client = client;
    }

    void createReplica(String region, CreateReplica message) {
        client.post(region, CREATE_PATH, write(message));
    }

    void setReplicas(String region, SetReplicas message) {
        client.post(region, SET_PATH, write(message));
    }

    void deleteReplica(String region, DeleteReplica message) {
        client.post(region, DELETE_PATH, write(message));
    }

    static <T> T read(byte[] body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "body: not a " + type.getSimpleName() + " ("
                            + e.getMessage().lines().findFirst().orElse("unreadable") + ")",
                    e);
        }
    }

    private static byte[] write(Object message) {
        try {
            return Json.mapper().writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }
}
