package dev.regionless.replication.internal;

import dev.regionless.replication.Peers;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * UpdateTable's {@code ReplicaUpdates} in the region that receives them. Adding a replica: the table gets a stream
 * if it has none, the new region creates the table (already global, its replica CREATING), the other replicas
 * learn the new list, this region notes where its stream stands and then starts filling the new replica from a
 * snapshot; changes after that point reach it over the link. Removing one: the region deletes its table and the
 * others stop shipping to it. Other regions are told synchronously, so the call fails (changing what was done so
 * far only) when one of them is unreachable.
 */
final class ReplicaCreator implements ReplicaControl {
    private static final StreamSpecification REPLICATION_STREAM =
            new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES);

    private final LinkContext context;
    private final Peers peers;
    private final ControlCalls control;
    private final Links links;
    private final Backfills backfills;
    /** One replica change at a time in this region, so that two never overwrite each other's replica list. */
    private final ReentrantLock lock = new ReentrantLock();

    ReplicaCreator(LinkContext context, Peers peers, ControlCalls control, Links links, Backfills backfills) {
        this.context = context;
        this.peers = peers;
        this.control = control;
        this.links = links;
        this.backfills = backfills;
    }

    /**
     * Runs {@code work} while no replica is being added or removed in this region: tombstone collection runs this
     * way, so that the horizon a new replica receives stays the filling replica's horizon until the new replica is
     * ACTIVE (collection waits while any replica is CREATING).
     */
    <T> T exclusive(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public java.util.OptionalInt percentProgress(String table, String region) {
        return backfills.status().stream()
                .filter(fill -> fill.kind().equals(dev.regionless.replication.FillStatus.BACKFILL))
                .filter(fill -> fill.table().equals(table) && fill.destination().equals(region))
                .mapToInt(dev.regionless.replication.FillStatus::percent)
                .findFirst();
    }

    @Override
    public TableState update(TableState table, List<ReplicaUpdate> updates) {
        lock.lock();
        try {
            // Read again under the lock: a backfill may have just marked a replica ACTIVE.
            var state = context.store().requireTable(table.name());
            for (var update : updates) {
                state = switch (update.action()) {
                    case CREATE -> create(state, update.regionName());
                    case DELETE -> delete(state, update.regionName());
                };
            }
            return state;
        } finally {
            lock.unlock();
        }
    }

    private TableState create(TableState table, String region) {
        var self = context.region();
        var state = table;
        var replicas = state.isGlobal() ? state.replicas() : List.of(self);
        if (replicas.contains(region)) {
            throw TableErrors.validation("Failed to create a replica of table " + state.name() + " in " + region
                    + ": the table already has a replica there");
        }
        if (peers.serviceUri(region).isEmpty()) {
            throw TableErrors.validation("Failed to create a replica of table " + state.name() + " in " + region
                    + ": no such region is running (expected one of the regions of this deployment)");
        }
        var streamed = withReplicationStream(state);
        var newReplicas = new ArrayList<>(replicas);
        newReplicas.add(region);
        var statuses = new HashMap<>(streamed.replicaStatuses());
        statuses.put(region, "CREATING");
        call(
                region,
                () -> control.createReplica(
                        region,
                        new ControlCalls.CreateReplica(
                                streamed.definition(),
                                streamed.ttlAttribute(),
                                newReplicas,
                                statuses,
                                context.store().tombstoneHorizon(streamed))));
        tellOthers(replicas, streamed.name(), newReplicas, statuses);
        // Everything up to here is in the snapshot the backfill reads from now on; the link ships what follows.
        long position = context.store().streamBounds(streamed)[1];
        context.cursors().startLinkAt(streamed.tableId(), region, position);
        context.cursors().addBackfill(streamed.name(), region);
        context.cursors().flush();
        var updated = context.store()
                .updateTable(
                        streamed.name(),
                        current -> current.withReplicas(newReplicas).withReplicaStatuses(statuses));
        links.reconcile();
        backfills.start(streamed.name(), region);
        return updated;
    }

    private TableState delete(TableState state, String region) {
        var self = context.region();
        if (!state.isGlobal() || !state.replicas().contains(region)) {
            throw TableErrors.validation("Failed to delete the replica of table " + state.name() + " in " + region
                    + ": the table has no replica there (replicas: " + state.replicas() + ")");
        }
        if (region.equals(self)) {
            throw TableErrors.validation("Failed to delete the replica of table " + state.name() + " in " + region
                    + ": remove a replica from another replica's region (expected: a region other than " + self
                    + ")");
        }
        var remaining = new ArrayList<>(state.replicas());
        remaining.remove(region);
        List<String> newReplicas = remaining.equals(List.of(self)) ? List.of() : remaining;
        var statuses = new HashMap<>(state.replicaStatuses());
        statuses.remove(region);
        call(region, () -> control.deleteReplica(region, new ControlCalls.DeleteReplica(state.name())));
        tellOthers(remaining, state.name(), newReplicas, statuses);
        var updated = context.store()
                .updateTable(
                        state.name(),
                        current -> current.withReplicas(newReplicas).withReplicaStatuses(statuses));
        context.cursors().removeBackfill(state.name(), region);
        links.reconcile();
        return updated;
    }

    /**
     * Marks a filled replica ACTIVE in every replica. Answers false when a replica could not be told; the
     * backfill then tries again later.
     */
    boolean markActive(String table, String region) {
        lock.lock();
        try {
            var state = context.store().table(table).orElse(null);
            if (state == null || !state.replicas().contains(region)) {
                return true; // removed meanwhile: nothing to mark
            }
            var statuses = new HashMap<>(state.replicaStatuses());
            statuses.remove(region);
            try {
                tellOthers(state.replicas(), table, state.replicas(), statuses);
            } catch (RuntimeException e) {
                return false;
            }
            context.store().updateTable(table, current -> current.withReplicaStatuses(statuses));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A global table's stream must hold both images; one is turned on if the table has none. */
    private TableState withReplicationStream(TableState state) {
        var stream = state.definition().stream();
        if (!stream.enabled()) {
            return context.store()
                    .updateTable(
                            state.name(),
                            current ->
                                    current.withDefinition(current.definition().withStream(REPLICATION_STREAM)));
        }
        if (stream.viewType() != StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES) {
            throw TableErrors.validation("Table " + state.name() + " has a stream of view type " + stream.viewType()
                    + " (expected: NEW_AND_OLD_IMAGES, which replication needs)");
        }
        return state;
    }

    private void tellOthers(List<String> regions, String table, List<String> replicas, Map<String, String> statuses) {
        for (var other : regions) {
            if (!other.equals(context.region())) {
                call(other, () -> control.setReplicas(other, new ControlCalls.SetReplicas(table, replicas, statuses)));
            }
        }
    }

    private static void call(String region, Runnable call) {
        try {
            call.run();
        } catch (PeerUnavailableException e) {
            throw TableErrors.validation("Replica update failed in " + region + ": " + e.getMessage());
        }
    }
}
