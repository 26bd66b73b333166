package dev.regionless.replication;

/**
 * This region's replication link with one other region, as chaos experiments set it: whether it is cut and how long
 * changes wait before they leave for that region.
 *
 * @param peer the other region
 * @param cut true while nothing passes between the two regions (a cut link, or this region being dark)
 * @param delayMillis the one-way delay from this region to {@code peer}, in milliseconds
 */
public record PeerLinkState(String peer, boolean cut, long delayMillis) {}
