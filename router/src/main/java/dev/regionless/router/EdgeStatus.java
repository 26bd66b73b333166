package dev.regionless.router;

import java.time.Instant;
import java.util.List;

/**
 * One edge's view of the regions at one moment, as {@code GET /admin/edge} answers it: health as this edge's checks
 * see it, ejections, round trips, and where its traffic went.
 *
 * @param edge the edge's name
 * @param location the edge's location
 * @param policy the routing policy, for example {@code latency}
 * @param choice the region a request would be sent to now, or {@code null} when there is none
 * @param regions every region, in configured order
 */
public record EdgeStatus(String edge, String location, String policy, String choice, List<RegionStatus> regions) {

    /**
     * One region as the edge sees it.
     *
     * @param region the region's name
     * @param location the region's location
     * @param health {@code healthy} or {@code unhealthy}, by this edge's health checks
     * @param ejectedUntil when an ejection by outlier detection ends, or {@code null} when not ejected
     * @param available whether it gets traffic now (healthy and not ejected)
     * @param lastRttMillis the last measured round trip, or {@code null} before the first
     * @param rttMillis the lowest of the last 8 measured round trips
     * @param delayMillis the configured (simulated) round-trip delay from this edge
     * @param latencyMillis what latency routing compares: measured round trip plus delay
     * @param failedChecksInRow health checks failed in a row
     * @param passedChecksInRow health checks passed in a row
     * @param trafficFailuresInRow failed connections or 5xx answers in a row, from real traffic
     * @param checks health checks so far
     * @param lastCheckAt when the last check ended, or {@code null}
     * @param lastCheck what the last check saw, for example {@code 200 in 3 ms}
     * @param requests HTTP requests served by this region through this edge
     * @param webSockets WebSocket connections opened to this region through this edge
     * @param openWebSockets WebSocket connections open now
     * @param dnsAnswers DNS answers naming this region
     * @param share this region's share of the edge's requests and connections in the last 10 s (0..1)
     */
    public record RegionStatus(
            String region,
            String location,
            String health,
            Instant ejectedUntil,
            boolean available,
            Double lastRttMillis,
            double rttMillis,
            long delayMillis,
            double latencyMillis,
            int failedChecksInRow,
            int passedChecksInRow,
            int trafficFailuresInRow,
            long checks,
            Instant lastCheckAt,
            String lastCheck,
            long requests,
            long webSockets,
            long openWebSockets,
            long dnsAnswers,
            double share) {}
}
