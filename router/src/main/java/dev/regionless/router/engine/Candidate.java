package dev.regionless.router.engine;

/**
 * A region as a routing policy sees it at one moment.
 *
 * @param name the region
 * @param healthy whether it is healthy and not ejected
 * @param latencyMillis the estimated round trip from this edge (measured plus configured delay)
 */
public record Candidate(String name, boolean healthy, double latencyMillis) {}
