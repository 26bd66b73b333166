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
    static final String WATERMARKS_PATH = "/regionless/replication/v1/watermarks";

    /**
     * Create the table as a new replica: same definition and time to live, already global, and the tombstone horizon
     * of the replica that fills it (its snapshot holds no tombstones below it, so the new replica must refuse the
     * older writes those tombstones would have stopped).
     */
    record CreateReplica(
            TableDefinition definition,
            String ttlAttribute,
            List<String> replicas,
            Map<String, String> replicaStatuses,
            long tombstoneHorizon) {}

    /** The table's replicas and their statuses changed. */
    record SetReplicas(String table, List<String> replicas, Map<String, String> replicaStatuses) {}

    /** This region's replica is removed: delete the table. */
    record DeleteReplica(String table) {}

    /** Ask for the watermarks of the links of a table's replica (see {@link Watermarks}). */
    record WatermarksRequest(String table) {}

    /** The watermarks of one region's links of a table, by destination. */
    record WatermarksAnswer(String region, Map<String, Long> watermarks) {}

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

    /** The watermarks of the region's links of {@code table}, by destination. */
    Map<String, Long> watermarks(String region, String table) {
        var answer =
                read(client.post(region, WATERMARKS_PATH, write(new WatermarksRequest(table))), WatermarksAnswer.class);
        return answer.watermarks() == null ? Map.of() : answer.watermarks();
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

    static byte[] write(Object message) {
        try {
            return Json.mapper().writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }
}
