package dev.regionless.replication.internal;

import java.util.List;
import java.util.TreeSet;

/**
 * Which of this region's replication links are cut, to simulate a partition: a cut link neither sends to its peer
 * nor accepts what the peer sends, in every direction of every table, until it is restored. Changes made meanwhile
 * wait in the streams, exactly as when the peer is unreachable.
 */
final class LinkCuts {
    /** Stands for every peer, present and future. */
    static final String EVERY_PEER = "*";

    private final TreeSet<String> cut = new TreeSet<>();

    /** Cuts the link with {@code peer}, or with every peer for {@link #EVERY_PEER}. */
    synchronized void cut(String peer) {
        cut.add(peer);
    }

    /**
     * Restores the link with {@code peer}; {@link #EVERY_PEER} restores every link, including those cut one by one.
     */
    synchronized void restore(String peer) {
        if (peer.equals(EVERY_PEER)) {
            cut.clear();
        } else {
            cut.remove(peer);
        }
    }

    /** True if nothing may pass between this region and {@code peer}. */
    synchronized boolean isCut(String peer) {
        return cut.contains(EVERY_PEER) || cut.contains(peer);
    }

    /** The peers cut one by one, and {@link #EVERY_PEER} if every link is cut; sorted. */
    synchronized List<String> cutPeers() {
        return List.copyOf(cut);
    }
}
