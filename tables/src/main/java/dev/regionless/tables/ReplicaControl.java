package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.catalog.TableState;
import java.util.List;

/**
 * Adds and removes the replicas of a global table, as UpdateTable's {@code ReplicaUpdates} ask. The table service
 * parses the request and renders the answer; the work needs the other regions, so replication, which can reach
 * them, does it. A region without replication refuses such requests.
 */
public interface ReplicaControl {
    /**
     * Applies the updates in order and answers the table's state afterwards. A new replica may still be filling
     * (status CREATING) when this returns.
     *
     * @throws dev.regionless.common.AwsException naming the region or table when an update cannot be made
     */
    TableState update(TableState table, List<ReplicaUpdate> updates);

    /**
     * How far the filling of the table's new replica in {@code region} has got, as a whole percentage, if this
     * region is the one filling it; DescribeTable shows it as the replica's {@code ReplicaStatusPercentProgress}.
     */
    default java.util.OptionalInt percentProgress(String table, String region) {
        return java.util.OptionalInt.empty();
    }

    /** One entry of {@code ReplicaUpdates}. */
    record ReplicaUpdate(Action action, String regionName) {
        public ReplicaUpdate {
            requireNonNull(action, "action");
            requireNonNull(regionName, "regionName");
        }
    }

    /** What to do with the replica in a region. */
    enum Action {
        CREATE,
        DELETE
    }

    /** For a region that runs without replication: every replica update fails with a ValidationException. */
    static ReplicaControl unavailable() {
        return (table, updates) -> {
            throw TableErrors.validation("ReplicaUpdates are not available: this region runs without replication");
        };
    }
}
