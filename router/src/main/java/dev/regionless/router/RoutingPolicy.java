package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an edge picks a region, with Route 53's rules. With {@code evaluateTargetHealth}, unhealthy (or ejected)
 * regions are passed over; if no candidate is healthy, all are treated as healthy and the policy picks among them.
 * Without it, health is ignored, as Route 53 keeps routing into a branch whose alias does not evaluate health.
 */
public sealed interface RoutingPolicy {
    /** Whether health decides which regions are candidates. */
    boolean evaluateTargetHealth();

    /** The region with the lowest round trip from this edge: measured, plus the link's configured delay. */
    static RoutingPolicy latency() {
        return new Latency(true);
    }

    /** {@code primary} while it is healthy, else {@code secondary}; both unhealthy: {@code primary}. */
    static RoutingPolicy failover(String primary, String secondary) {
        return new Failover(primary, secondary, true);
    }

    /** Each region gets weight / sum of weights of the answers; weight 0 only when no other is healthy. */
    static RoutingPolicy weighted(Map<String, Integer> weights) {
        return new Weighted(weights, true);
    }

    /** Lowest latency first. */
    record Latency(boolean evaluateTargetHealth) implements RoutingPolicy {}

    /** Primary / secondary failover records. */
    record Failover(String primary, String secondary, boolean evaluateTargetHealth) implements RoutingPolicy {
        public Failover {
            requireNonNull(primary, "primary");
            requireNonNull(secondary, "secondary");
            if (primary.equals(secondary)) {
                throw new IllegalArgumentException(
                        "secondary: " + secondary + " (expected: a region other than the primary)");
            }
        }
    }

    /**
     * Weighted records, one per region, in the order given.
     *
     * @param weights each region's weight, 0..255 as in Route 53
     */
    record Weighted(Map<String, Integer> weights, boolean evaluateTargetHealth) implements RoutingPolicy {
        public Weighted {
            requireNonNull(weights, "weights");
            if (weights.isEmpty()) {
                throw new IllegalArgumentException("weights: {} (expected: at least one region)");
            }
            weights.forEach((region, weight) -> {
                if (weight == null || weight < 0 || weight > 255) {
                    throw new IllegalArgumentException("weights." + region + ": " + weight + " (expected: 0..255)");
                }
            });
            weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }
    }
}
