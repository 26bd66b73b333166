package dev.regionless.router.engine;

import dev.regionless.router.RoutingPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Orders the candidates for one request as Route 53 would answer, best first; the rest are the next choices, for a
 * retry. Unhealthy candidates come after healthy ones; when none is healthy (or the policy does not evaluate
 * health) all are treated as healthy. Candidates a policy does not name (say, a third region under a failover
 * policy) are never chosen.
 */
public final class Choices {
    private Choices() {}

    public static List<String> order(RoutingPolicy policy, List<Candidate> candidates, RandomGenerator random) {
        var considered = policy.evaluateTargetHealth() && candidates.stream().anyMatch(Candidate::healthy)
                ? candidates
                : candidates.stream()
                        .map(c -> new Candidate(c.name(), true, c.latencyMillis()))
                        .toList();
        return switch (policy) {
            case RoutingPolicy.Latency latency -> byLatency(considered);
            case RoutingPolicy.Failover failover -> byFailover(failover, considered);
            case RoutingPolicy.Weighted weighted -> byWeight(weighted.weights(), considered, random);
        };
    }

    private static List<String> byLatency(List<Candidate> candidates) {
        // Whole milliseconds, so that measurement noise between equally distant regions does not flip the choice;
        // ties keep the configured order.
        return candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> !c.healthy())
                        .thenComparingLong(c -> Math.round(c.latencyMillis())))
                .map(Candidate::name)
                .toList();
    }

    private static List<String> byFailover(RoutingPolicy.Failover policy, List<Candidate> candidates) {
        var primary = find(candidates, policy.primary());
        var secondary = find(candidates, policy.secondary());
        var order = new ArrayList<String>();
        // Route 53: the primary while healthy; the secondary when only it is healthy; both unhealthy: the primary.
        boolean secondaryFirst = primary != null && !primary.healthy() && secondary != null && secondary.healthy();
        if (secondaryFirst) {
            order.add(secondary.name());
            order.add(primary.name());
        } else {
            if (primary != null) {
                order.add(primary.name());
            }
            if (secondary != null) {
                order.add(secondary.name());
            }
        }
        return order;
    }

    private static List<String> byWeight(
            Map<String, Integer> weights, List<Candidate> candidates, RandomGenerator random) {
        var healthyWeighted = new LinkedHashMap<String, Integer>();
        var healthyZero = new ArrayList<String>();
        var unhealthy = new LinkedHashMap<String, Integer>();
        for (var candidate : candidates) {
            var weight = weights.get(candidate.name());
            if (weight == null) {
                continue;
            }
            if (!candidate.healthy()) {
                unhealthy.put(candidate.name(), weight);
            } else if (weight > 0) {
                healthyWeighted.put(candidate.name(), weight);
            } else {
                healthyZero.add(candidate.name());
            }
        }
        var order = new ArrayList<>(drawInTurn(healthyWeighted, random));
        // Weight 0 records answer only when every weighted record is unhealthy, and then equally.
        var zeros = new LinkedHashMap<String, Integer>();
        healthyZero.forEach(name -> zeros.put(name, 1));
        order.addAll(drawInTurn(zeros, random));
        order.addAll(drawInTurn(positive(unhealthy), random));
        return order;
    }

    private static Map<String, Integer> positive(Map<String, Integer> weights) {
        var copy = new LinkedHashMap<String, Integer>();
        weights.forEach((name, weight) -> copy.put(name, Math.max(weight, 1)));
        return copy;
    }

    /** Draws every entry once, each draw with probability weight / remaining total. */
    private static List<String> drawInTurn(Map<String, Integer> weights, RandomGenerator random) {
        var remaining = new LinkedHashMap<>(weights);
        var order = new ArrayList<String>();
        while (!remaining.isEmpty()) {
            int total = remaining.values().stream().mapToInt(Integer::intValue).sum();
            int ticket = random.nextInt(total);
            for (var entry : remaining.entrySet()) {
                ticket -= entry.getValue();
                if (ticket < 0) {
                    order.add(entry.getKey());
                    remaining.remove(entry.getKey());
                    break;
                }
            }
        }
        return order;
    }

    private static Candidate find(List<Candidate> candidates, String name) {
        return candidates.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
