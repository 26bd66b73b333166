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

    /** Stops the links and backfills and writes the cursors; the table store must still be open. */
    @Override
    public void close() {
        service.close();
    }
}
