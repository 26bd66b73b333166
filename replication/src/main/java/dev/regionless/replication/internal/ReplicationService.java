package dev.regionless.replication.internal;

import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.replication.LinkDelays;
import dev.regionless.replication.PeerLinkState;
import dev.regionless.replication.Peers;
import dev.regionless.replication.ReplicationConfig;
import dev.regionless.replication.ReplicationStatus;
import dev.regionless.tables.ReplicaControl;
import dev.regionless.tables.TableStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a region's replication and runs its housekeeping: every {@link #HOUSEKEEPING} the links are compared
 * with the tables' replicas and moved cursors are written. Behind {@link dev.regionless.replication.Replication}.
 */
public final class ReplicationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationService.class);
    static final Duration HOUSEKEEPING = Duration.ofMillis(200);

    private final LinkContext context;
    private final Links links;
    private final Backfills backfills;
    private final Receiver receiver;
    private final ReplicaCreator creator;
    private final Thread housekeeping;
    private volatile boolean closed;

    private ReplicationService(ReplicationConfig config, TableStore store, Peers peers, Vertx vertx) {
        var cursors = CursorFile.open(config.stateFolder());
        var cuts = new LinkCuts();
        this.context = new LinkContext(
                config,
                store,
                cursors,
                new PeerClient(vertx, config.region(), peers, cuts),
                cuts,
                new LiveDelays(config.delays()));
        this.links = new Links(context);
        this.backfills = new Backfills(context);
        this.receiver = new Receiver(context, links);
        this.creator = new ReplicaCreator(context, peers, new ControlCalls(context.client()), links, backfills);
        backfills.onFilled(creator::markActive);
        this.housekeeping = Thread.ofVirtual()
                .name("replication-housekeeping-" + config.region())
                .unstarted(this::housekeep);
    }

    public static ReplicationService start(ReplicationConfig config, TableStore store, Peers peers, Vertx vertx) {
        var service = new ReplicationService(config, store, peers, vertx);
        store.onChange(service.links::wake);
        service.links.reconcile();
        service.backfills.resume();
        service.housekeeping.start();
        return service;
    }

    public ServiceResponse handle(ServiceRequest request) {
        return receiver.handle(request);
    }

    public ReplicaControl replicaControl() {
        return creator;
    }

    /** Cuts this region's links with {@code peer} ({@code "*"} for every peer) in both directions. */
    public void cut(String peer) {
        context.cuts().cut(peer);
    }

    /** Restores the links cut with {@code peer} ({@code "*"} restores every link). */
    public void restore(String peer) {
        context.cuts().restore(peer);
        links.retryAll();
    }

    /** The peers whose links are cut, {@code "*"} when every link is. */
    public java.util.List<String> cutPeers() {
        return context.cuts().cutPeers();
    }

    /** Cuts every link while the region is dark; links cut one by one are kept apart and stay cut after. */
    public void isolate() {
        context.cuts().isolate();
    }

    /** Ends {@link #isolate()}; the links try again at once. */
    public void rejoin() {
        context.cuts().rejoin();
        links.retryAll();
    }

    public boolean isIsolated() {
        return context.cuts().isIsolated();
    }

    /** Sets the one-way delay from this region to {@code peer}; links waiting out the old one look again at once. */
    public void setDelay(String peer, Duration delay) {
        context.delays().set(context.region(), peer, delay);
        links.delayChanged(peer);
    }

    public LinkDelays delays() {
        return context.delays().current();
    }

    /**
     * One entry per region this region has a link with, is cut from one by one, or has a delay to; sorted by
     * region.
     */
    public List<PeerLinkState> peerLinks() {
        var peers = new TreeSet<>(links.destinations());
        context.cuts().cutPeers().stream()
                .filter(peer -> !peer.equals(LinkCuts.EVERY_PEER))
                .forEach(peers::add);
        var delays = context.delays().current();
        peers.addAll(delays.destinationsFrom(context.region()));
        peers.remove(context.region());
        return peers.stream()
                .map(peer -> new PeerLinkState(
                        peer,
                        context.cuts().isCut(peer),
                        delays.of(context.region(), peer).toMillis()))
                .toList();
    }

    public ReplicationStatus status() {
        return new ReplicationStatus(context.region(), links.status(), backfills.status());
    }

    private void housekeep() {
        while (!closed) {
            try {
                Thread.sleep(HOUSEKEEPING);
                links.reconcile();
                context.cursors().flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The next round tries again; a cursor not yet written only means some changes are sent twice.
                LOG.warn("replication housekeeping in {} failed: {}", context.region(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        housekeeping.interrupt();
        try {
            housekeeping.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backfills.close();
        links.close();
        context.cursors().flush();
        context.client().close();
    }
}
