package dev.regionless.replication;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.replication.internal.ReplicationService;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableStore;
import io.vertx.core.Vertx;

/**
 * A region's replication of its global tables. It ships the changes this region accepts to the other replicas of
 * each global table over HTTP links (batched, in stream order, one batch in flight per link), receives theirs on
 * the region's service port ({@link #accepts}), adds and fills replicas for UpdateTable ({@link #replicaControl}),
 * and reports each link's backlog and lag ({@link #status}).
 *
 * <p>Delivery is at least once: a link's cursor, persisted under the state folder, moves only once the destination
 * has made a batch durable, and applying is idempotent by last writer wins. Close it before the table store.
 */
public final class Replication implements AutoCloseable {
    /** The paths under which the service port hands requests to {@link #handle}. */
    public static final String PATH_PREFIX = "/regionless/replication/";
    /** The peer name that stands for every other region in {@link #cut} and {@link #restore}. */
    public static final String EVERY_PEER = "*";

    private final ReplicationService service;

    private Replication(ReplicationService service) {
        this.service = service;
    }

    /**
     * Starts replicating {@code tables}: links for every global table, the backfills a restart interrupted, and the
     * periodic work (cursor flushes, link rechecks).
     *
     * @param peers finds the other regions' service ports
     * @param vertx the Vert.x instance whose HTTP client the links use
     */
    public static Replication start(ReplicationConfig config, TableStore tables, Peers peers, Vertx vertx) {
        requireNonNull(config, "config");
        requireNonNull(tables, "tables");
        requireNonNull(peers, "peers");
        requireNonNull(vertx, "vertx");
        return new Replication(ReplicationService.start(config, tables, peers, vertx));
    }

    /** True if the request is replication traffic from another region. */
    public static boolean accepts(ServiceRequest request) {
        return request.path().startsWith(PATH_PREFIX);
    }

    /** Serves a request from another region's replication: shipped changes, replica control messages. */
    public ServiceResponse handle(ServiceRequest request) {
        return service.handle(request);
    }

    /** Adds and removes replicas of this region's tables, for UpdateTable's {@code ReplicaUpdates}. */
    public ReplicaControl replicaControl() {
        return service.replicaControl();
    }

    /** Every link's backlog and lag, and the replicas being filled. */
    public ReplicationStatus status() {
        return service.status();
    }

    /**
     * Cuts this region's replication with {@code peer}, or with every other region for {@link #EVERY_PEER}, to
     * simulate a partition in tests and chaos experiments: in both directions, nothing passes, neither changes nor
     * replica control messages. Writes go on in every region; what the cut links hold back waits in the streams
     * and is shipped once they are restored.
     */
    public void cut(String peer) {
        service.cut(requireNonNull(peer, "peer"));
    }

    /**
     * Restores the link with {@code peer}; {@link #EVERY_PEER} restores every link, including those cut one by one.
     * The links try again at once rather than at the end of their backoff.
     */
    public void restore(String peer) {
        service.restore(requireNonNull(peer, "peer"));
    }

    /** The peers whose links are cut, sorted; {@link #EVERY_PEER} among them when every link is cut. */
    public java.util.List<String> cutPeers() {
        return service.cutPeers();
    }

    /**
     * Cuts every link of this region, for a region that went dark, without touching the links cut one by one:
     * {@link #rejoin()} ends the isolation and leaves those cut. Nothing passes while isolated, in either direction.
     */
    public void isolate() {
        service.isolate();
    }

    /** Ends {@link #isolate()}; links try again at once, except those still cut one by one. */
    public void rejoin() {
        service.rejoin();
    }

    /** Whether the region is isolated ({@link #isolate()}). */
    public boolean isIsolated() {
        return service.isIsolated();
    }

    /**
     * Changes the one-way delay of the links from this region to {@code peer}, while the region runs: changes made
     * from now on, and those still waiting, leave no earlier than their creation time plus the new delay. Held in
     * memory only; a restart starts again from {@link ReplicationConfig#delays()}. Safe to call from any thread.
     *
     * @throws IllegalArgumentException for a negative delay
     */
    public void setDelay(String peer, java.time.Duration delay) {
        requireNonNull(peer, "peer");
        requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay to " + peer + ": " + delay + " (expected: >= 0)");
        }
        service.setDelay(peer, delay);
    }

    /** The link delays in force now. */
    public LinkDelays delays() {
        return service.delays();
    }

    /** This region's links with each region it replicates with, is cut from, or has a delay to; sorted by region. */
    public java.util.List<PeerLinkState> peerLinks() {
        return service.peerLinks();
    }

    /** Stops the links and backfills and writes the cursors; the table store must still be open. */
    @Override
    public void close() {
        service.close();
    }
}
