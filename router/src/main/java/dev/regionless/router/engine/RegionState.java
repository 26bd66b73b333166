package dev.regionless.router.engine;

import dev.regionless.router.EdgeStatus;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.OutlierConfig;
import dev.regionless.router.RegionTarget;
import java.time.Duration;
import java.time.Instant;

/** Everything one edge knows about one region, behind one lock. */
final class RegionState {
    private final RegionTarget target;
    private final HealthCheckConfig check;
    private final boolean alwaysHealthy;
    private final HealthRecord health;
    private final Ejection ejection;
    private final RttEstimate rtt = new RttEstimate();
    private final RecentCount recent = new RecentCount();
    private Duration delay;
    private long requests;
    private long webSockets;
    private long openWebSockets;
    private long dnsAnswers;

    /**
     * @param alwaysHealthy whether routing ignores the checks' verdict, as Route 53 ignores health for a record with
     *     no health check that does not evaluate its target's health
     */
    RegionState(
            RegionTarget target,
            HealthCheckConfig check,
            boolean alwaysHealthy,
            OutlierConfig outliers,
            Duration delay) {
        this.target = target;
        this.check = check;
        this.alwaysHealthy = alwaysHealthy;
        this.health = new HealthRecord(check.failureThreshold(), check.successThreshold());
        this.ejection = new Ejection(outliers);
        this.delay = delay;
    }

    RegionTarget target() {
        return target;
    }

    /** Records a health check; answers whether the region's health flipped. */
    synchronized HealthRecord.Transition onHealthCheck(boolean passed, Duration roundTrip, String result, Instant at) {
        if (roundTrip != null) {
            rtt.add(roundTrip);
        }
        ejection.onHealthCheck(passed, check.successThreshold());
        return health.record(passed, result, at);
    }

    /** Answers whether this failure ejected the region. */
    synchronized boolean onConnectFailure(Instant now) {
        return ejection.onConnectFailure(now);
    }

    /** Answers whether this answer ejected the region. */
    synchronized boolean onAnswer(int status, Instant now) {
        if (status >= 500) {
            return ejection.onServerError(now);
        }
        ejection.onSuccess(now);
        return false;
    }

    synchronized void onRequest(Instant now) {
        requests++;
        recent.add(now);
    }

    synchronized void onWebSocketOpened(Instant now) {
        webSockets++;
        openWebSockets++;
        recent.add(now);
    }

    synchronized void onWebSocketClosed() {
        openWebSockets--;
    }

    synchronized void onDnsAnswer() {
        dnsAnswers++;
    }

    synchronized boolean healthy() {
        return health.healthy();
    }

    synchronized boolean available(Instant now) {
        return (alwaysHealthy || health.healthy()) && !ejection.ejected(now);
    }

    synchronized double latencyMillis() {
        return rtt.millis() + delay.toNanos() / 1e6;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized void setDelay(Duration newDelay) {
        delay = newDelay;
    }

    synchronized long recentTraffic(Instant now) {
        return recent.total(now);
    }

    synchronized Candidate candidate(Instant now) {
        return new Candidate(target.name(), available(now), latencyMillis());
    }

    synchronized EdgeStatus.RegionStatus status(Instant now, long recentTotal) {
        double last = rtt.lastMillis();
        return new EdgeStatus.RegionStatus(
                target.name(),
                target.location(),
                (health.healthy() ? "healthy" : "unhealthy") + (alwaysHealthy ? " (not evaluated)" : ""),
                ejection.ejectedUntil(now),
                available(now),
                Double.isNaN(last) ? null : round(last),
                round(rtt.millis()),
                delay.toMillis(),
                round(latencyMillis()),
                health.failuresInRow(),
                health.passesInRow(),
                ejection.failuresInRow(),
                health.checks(),
                health.lastCheckAt(),
                health.lastResult(),
                requests,
                webSockets,
                openWebSockets,
                dnsAnswers,
                recentTotal == 0 ? 0 : round((double) recent.total(now) / recentTotal));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
