package dev.regionless.replication.internal;

import dev.regionless.replication.TombstoneStatus;
import dev.regionless.tables.StreamMark;
import dev.regionless.tables.catalog.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the tombstones of this region's global tables once no replica can need them any more.
 *
 * <p>A tombstone (a deleted item's version) exists so that an older write to the item, arriving late, loses to
 * the delete instead of bringing the item back. A round asks every replica for the watermark of each of its
 * links ({@link Watermarks}: the replica at the other end has every write of the link's region older than it) and
 * takes the smallest, G. Every write older than G has then reached every replica, the delete included, so:
 *
 * <ul>
 *   <li>no replica still needs this region's tombstone to learn of the delete, and no resynchronisation or
 *       backfill can carry an older version of the item anywhere (every region's own copy is newer);
 *   <li>an older write can only arrive again as a repeat: a link resending after a crash, or a request that was
 *       delayed. The table's horizon is raised to G (durably) before any tombstone goes, and the replica refuses
 *       replicated writes older than its horizon, so repeats are dropped rather than applied to a key whose
 *       tombstone is gone.
 * </ul>
 *
 * The horizon is also kept at least a grace period in the past, so tombstones stay for a while after every
 * replica has them. A round collects nothing while a replica does not answer (a cut link, a region down: its
 * unshipped writes may be older than the tombstones), while a link has lost changes to the stream's retention, or
 * while a replica is being filled; it simply tries again at the next round.
 */
final class TombstoneCollector {
    private static final Logger LOG = LoggerFactory.getLogger(TombstoneCollector.class);

    private final LinkContext context;
    private final Watermarks watermarks;
    private final ControlCalls control;
    /** Collects without a replica being added or removed meanwhile (see {@link ReplicaCreator#exclusive}). */
    private final java.util.function.Function<Supplier<String>, String> exclusive;

    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    private static final class Progress {
        final AtomicLong rounds = new AtomicLong();
        final AtomicLong collected = new AtomicLong();
        volatile String lastOutcome = "no round yet";
    }

    TombstoneCollector(
            LinkContext context,
            Watermarks watermarks,
            ControlCalls control,
            java.util.function.Function<Supplier<String>, String> exclusive) {
        this.context = context;
        this.watermarks = watermarks;
        this.control = control;
        this.exclusive = exclusive;
    }

    /** Runs one round for every global table this region holds a replica of. */
    void runRound() {
        for (var name : context.store().tableNames()) {
            var state = context.store().table(name).orElse(null);
            if (state == null || !state.isGlobal() || !state.replicas().contains(context.region())) {
                continue;
            }
            var entry = progress.computeIfAbsent(name, n -> new Progress());
            entry.rounds.incrementAndGet();
            try {
                entry.lastOutcome = collect(name, entry);
            } catch (RuntimeException e) {
                entry.lastOutcome = "failed: " + e.getMessage();
                LOG.warn("tombstone collection of {} in {} failed", name, context.region(), e);
            }
        }
        progress.keySet().removeIf(name -> context.store().table(name).isEmpty());
    }

    /**
     * Asks every replica for its watermarks (without holding any lock: a peer may be slow to answer), then, under
     * the replica creator's lock, checks that the replicas are still the same and none is being created, and
     * collects.
     */
    private String collect(String name, Progress entry) {
        var state = context.store().table(name).orElse(null);
        var blocked = blocked(state);
        if (blocked != null) {
            return blocked;
        }
        long smallest = Long.MAX_VALUE;
        String slowest = null;
        var all = new ArrayList<Map.Entry<String, Map<String, Long>>>();
        all.add(Map.entry(context.region(), watermarks.of(state)));
        for (var peer : state.replicas()) {
            if (peer.equals(context.region())) {
                continue;
            }
            try {
                all.add(Map.entry(peer, control.watermarks(peer, name)));
            } catch (PeerUnavailableException e) {
                return "waiting: " + peer + " does not answer (" + e.getMessage() + ")";
            }
        }
        for (var source : all) {
            for (var destination : state.replicas()) {
                if (destination.equals(source.getKey())) {
                    continue;
                }
                long watermark = source.getValue().getOrDefault(destination, 0L);
                if (watermark < smallest) {
                    smallest = watermark;
                    slowest = source.getKey() + ">" + destination;
                }
            }
        }
        long graceEdge = StreamMark.timestampAt(context.config().clock().millis()
                - context.config().tombstoneGrace().toMillis());
        long horizon = Math.min(smallest, graceEdge);
        var limit = smallest <= graceEdge
                ? "horizon held back by link " + slowest
                : "horizon held back by the grace period of " + context.config().tombstoneGrace();
        var replicas = state.replicas();
        return exclusive.apply(() -> {
            // A replica added meanwhile is CREATING (or ACTIVE with links the round did not ask about): skip.
            var current = context.store().table(name).orElse(null);
            var changed = blocked(current);
            if (changed != null
                    || !current.replicas().equals(replicas)
                    || !current.tableId().equals(state.tableId())) {
                return changed != null ? changed : "waiting: the replicas changed during the round";
            }
            if (horizon <= context.store().tombstoneHorizon(current)) {
                return "waiting: " + limit;
            }
            int collected = context.store().collectTombstones(current, horizon);
            entry.collected.addAndGet(collected);
            return "collected " + collected + " tombstones; " + limit;
        });
    }

    /** Why a round cannot collect the table's tombstones now, or {@code null} if it may try. */
    private static String blocked(TableState state) {
        if (state == null || !state.isGlobal()) {
            return "not a global table";
        }
        var creating = state.replicas().stream()
                .filter(region -> state.replicaStatus(region).equals("CREATING"))
                .toList();
        return creating.isEmpty() ? null : "waiting: replicas " + creating + " are being created";
    }

    /** Each global table's tombstones and how their collection is going. */
    List<TombstoneStatus> status() {
        var list = new ArrayList<TombstoneStatus>();
        for (var name : context.store().tableNames()) {
            var state = context.store().table(name).orElse(null);
            if (state == null || !state.isGlobal()) {
                continue;
            }
            var entry = progress.get(name);
            list.add(new TombstoneStatus(
                    name,
                    context.store().countTombstones(state),
                    context.store().tombstoneHorizon(state),
                    entry == null ? 0 : entry.collected.get(),
                    entry == null ? 0 : entry.rounds.get(),
                    entry == null ? "no round yet" : entry.lastOutcome));
        }
        return list;
    }

    /** The watermarks of this region's links of {@code table}, for a peer's round; empty if it is not a replica. */
    Map<String, Long> watermarksOf(TableState state) {
        return watermarks.of(state);
    }
}
