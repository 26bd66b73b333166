package dev.regionless.router.engine;

import static java.util.Objects.requireNonNull;

import dev.regionless.router.EdgeConfig;
import dev.regionless.router.EdgeStatus;
import dev.regionless.router.RegionTarget;
import dev.regionless.router.RoutingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One edge's routing decisions: it takes in what health checks and traffic show about each region, and orders the
 * regions for each request (and each DNS answer) by the edge's policy. The proxy, the DNS server and the status all
 * ask it, so they agree. Thread-safe.
 */
public final class EdgeRouter {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeRouter.class);

    private final EdgeConfig config;
    private final Map<String, RegionState> regions = new LinkedHashMap<>();
    private final Random random;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public EdgeRouter(EdgeConfig config, List<RegionTarget> targets) {
        this.config = requireNonNull(config, "config");
        this.random = new Random(config.randomSeed());
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("regions: [] (expected: at least one region behind the edge)");
        }
        for (var target : targets) {
            var delay = config.delays().getOrDefault(target.name(), Duration.ZERO);
            var state = new RegionState(
                    target,
                    config.healthCheck(target.name()),
                    config.alwaysHealthy().contains(target.name()),
                    config.outliers(),
                    delay);
            if (regions.put(target.name(), state) != null) {
                throw new IllegalArgumentException("regions: " + target.name() + " appears twice");
            }
        }
        config.delays().keySet().forEach(this::region);
        config.regionHealthChecks().keySet().forEach(this::region);
        config.alwaysHealthy().forEach(this::region);
        checkPolicyNames(config.policy());
    }

    /** The regions to try for one request, best first; the first is the answer, the second the retry. */
    public List<RegionTarget> route() {
        var now = config.clock().instant();
        var candidates = new ArrayList<Candidate>();
        regions.values().forEach(region -> candidates.add(region.candidate(now)));
        List<String> order;
        synchronized (random) {
            order = Choices.order(config.policy(), candidates, random);
        }
        return order.stream().map(name -> regions.get(name).target()).toList();
    }

    /**
     * Calls {@code listener} with a region's name when its availability changes: it turned unhealthy or was ejected,
     * or it turned healthy again (which may give clients stuck on an unavailable region somewhere better to go).
     */
    public void onAvailabilityChange(Consumer<String> listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    /** A health check's result; {@code roundTrip} is null when no answer came. */
    public void onHealthCheck(String region, boolean passed, Duration roundTrip, String result) {
        var state = region(region);
        var now = config.clock().instant();
        boolean wasAvailable = state.available(now);
        var transition = state.onHealthCheck(passed, roundTrip, result, now);
        if (transition != HealthRecord.Transition.NONE) {
            LOG.info(
                    "edge {}: region {} is now {} ({})",
                    config.name(),
                    region,
                    transition == HealthRecord.Transition.BECAME_HEALTHY ? "healthy" : "unhealthy",
                    result);
        }
        if (wasAvailable != state.available(now)) {
            changed(region);
        }
    }

    /** A connection to the region could not be opened. */
    public void onConnectFailure(String region, String detail) {
        if (region(region).onConnectFailure(config.clock().instant())) {
            LOG.info("edge {}: region {} ejected: {}", config.name(), region, detail);
            changed(region);
        }
    }

    /** The region answered a proxied request with {@code status}. */
    public void onAnswer(String region, int status) {
        if (region(region).onAnswer(status, config.clock().instant())) {
            LOG.info("edge {}: region {} ejected after {} answers in a row", config.name(), region, status);
            changed(region);
        }
    }

    /** An HTTP request was served by the region. */
    public void onRequestServed(String region) {
        region(region).onRequest(config.clock().instant());
    }

    public void onWebSocketOpened(String region) {
        region(region).onWebSocketOpened(config.clock().instant());
    }

    public void onWebSocketClosed(String region) {
        region(region).onWebSocketClosed();
    }

    public void onDnsAnswer(String region) {
        region(region).onDnsAnswer();
    }

    /** Whether the region gets traffic now. */
    public boolean isAvailable(String region) {
        return region(region).available(config.clock().instant());
    }

    /**
     * How long traffic to a region waits: its simulated round trip when the edge delays traffic, else zero.
     *
     * @throws IllegalArgumentException for an unknown region
     */
    public Duration trafficDelay(String region) {
        return config.delayTraffic() ? region(region).delay() : Duration.ZERO;
    }

    /** Changes the simulated round-trip delay from this edge to a region. */
    public void setDelay(String region, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay: " + delay + " (expected: 0 or more)");
        }
        region(region).setDelay(delay);
    }

    public Collection<RegionTarget> targets() {
        return regions.values().stream().map(RegionState::target).toList();
    }

    /** The region with this name. */
    public RegionTarget target(String region) {
        return region(region).target();
    }

    public EdgeStatus status() {
        var now = config.clock().instant();
        long recentTotal = regions.values().stream()
                .mapToLong(region -> region.recentTraffic(now))
                .sum();
        var order = route();
        return new EdgeStatus(
                config.name(),
                config.location(),
                policyName(config.policy()),
                order.isEmpty() ? null : order.getFirst().name(),
                regions.values().stream()
                        .map(region -> region.status(now, recentTotal))
                        .toList());
    }

    private void changed(String region) {
        for (var listener : listeners) {
            try {
                listener.accept(region);
            } catch (RuntimeException e) {
                LOG.warn("edge {}: a listener failed on a change of region {}", config.name(), region, e);
            }
        }
    }

    private RegionState region(String name) {
        var state = regions.get(name);
        if (state == null) {
            throw new IllegalArgumentException("region: " + name + " (expected one of " + regions.keySet() + ")");
        }
        return state;
    }

    private void checkPolicyNames(RoutingPolicy policy) {
        switch (policy) {
            case RoutingPolicy.Latency latency -> {}
            case RoutingPolicy.Failover failover -> {
                region(failover.primary());
                region(failover.secondary());
            }
            case RoutingPolicy.Weighted weighted -> weighted.weights().keySet().forEach(this::region);
        }
    }

    static String policyName(RoutingPolicy policy) {
        return switch (policy) {
            case RoutingPolicy.Latency latency -> "latency";
            case RoutingPolicy.Failover failover ->
                "failover (primary " + failover.primary() + ", secondary " + failover.secondary() + ")";
            case RoutingPolicy.Weighted weighted -> "weighted " + weighted.weights();
        };
    }
}
