package dev.regionless.replication.internal;

import java.util.List;
import java.util.TreeSet;

/**
 * Which of this region's replication links are cut, to simulate a partition: a cut link neither sends to its peer
 * nor accepts what the peer sends, in every direction of every table, until it is restored. Changes made meanwhile
 * wait in the streams, exactly as when the peer is unreachable.
 *
 * <p>Two causes are kept apart: links cut one by one (or all at once with {@link #EVERY_PEER}) by a partition
 * experiment, and the isolation of a region that went dark. Bringing a dark region back ends its isolation only, so
 * a link that an experiment cut stays cut.
 */
final class LinkCuts {
    /** Stands for every peer, present and future. */
    static final String EVERY_PEER = "*";

    private final TreeSet<String> cut = new TreeSet<>();
    private boolean isolated;

    /** Cuts the link with {@code peer}, or with every peer for {@link #EVERY_PEER}. */
    synchronized void cut(String peer) {
        cut.add(peer);
    }

    /**
     * Restores the link with {@code peer}; {@link #EVERY_PEER} restores every link, including those cut one by one.
     * An isolated region stays isolated.
     */
    synchronized void restore(String peer) {
        if (peer.equals(EVERY_PEER)) {
            cut.clear();
        } else {
            cut.remove(peer);
        }
    }

    /** Cuts every link while the region is dark, apart from the cuts made one by one. */
    synchronized void isolate() {
        isolated = true;
    }

    /** Ends {@link #isolate()}; links cut one by one stay cut. */
    synchronized void rejoin() {
        isolated = false;
    }

    synchronized boolean isIsolated() {
        return isolated;
    }

    /** True if nothing may pass between this region and {@code peer}. */
    synchronized boolean isCut(String peer) {
        return isolated || cut.contains(EVERY_PEER) || cut.contains(peer);
    }

    /** The peers cut one by one, and {@link #EVERY_PEER} if every link is cut; sorted. Isolation is not listed. */
    synchronized List<String> cutPeers() {
        return List.copyOf(cut);
    }
}
