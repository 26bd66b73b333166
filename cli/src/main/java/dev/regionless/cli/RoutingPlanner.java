package dev.regionless.cli;

import dev.regionless.router.AppDomain;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.RoutingPolicy;
import dev.regionless.template.RoutingPolicy.Failover.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns routing records (from a template or a routing file) into the edges' routing, refusing what Route 53 would
 * refuse or what could never route: a record for a region that is not in the run, records of one name with
 * different policies, a failover pair missing its PRIMARY or SECONDARY, weighted records that all weigh 0, and names
 * that would route differently. Each message names the record.
 *
 * <p>A record's health, as Route 53 judges it: with a {@code HealthCheckId}, that check (on the region's app port);
 * without one but with {@code EvaluateTargetHealth}, the region's own health ({@code /admin/region-health}, which
 * fails while the region is down or its health switch fails); with neither, or with a disabled check, always
 * healthy. With both a check and {@code EvaluateTargetHealth}, the check decides: a region that is down fails it too.
 */
final class RoutingPlanner {
    private RoutingPlanner() {}

    /**
     * @param records the records; none gives latency routing among every region
     * @param runRegions the run's regions, in order
     * @param defaultZone the zone when no record names one (the {@code --domain} option)
     * @param origin where the records come from, for the summary
     * @throws CliException naming the record that is wrong and what was expected
     */
    static EdgeRouting plan(
            List<RouteRecord> records,
            List<String> runRegions,
            String defaultZone,
            EdgeRouting.HealthProfile profile,
            String origin) {
        if (records.isEmpty()) {
            return EdgeRouting.byLatency(AppDomain.of(defaultZone), runRegions, profile);
        }
        var byName = new LinkedHashMap<String, List<RouteRecord>>();
        for (var record : records) {
            if (!runRegions.contains(record.region())) {
                throw new CliException(record.source() + ": region " + record.region() + " is not in this run"
                        + " (expected one of " + runRegions + ")");
            }
            byName.computeIfAbsent(record.name(), name -> new ArrayList<>()).add(record);
        }
        var first = records.getFirst();
        for (var record : records) {
            if (!record.zone().equals(first.zone())) {
                throw new CliException(record.source() + ": zone " + record.zone() + " (expected: " + first.zone()
                        + ", the zone of " + first.source() + "; the edges answer one zone)");
            }
        }
        if (byName.size() > 2) {
            throw new CliException("routing records name " + byName.keySet() + " (expected: at most two names, the"
                    + " HTTP API's and the WebSocket API's, both routed alike)");
        }
        var plans = new ArrayList<EdgeRouting>();
        var names = new ArrayList<>(byName.keySet());
        var domain = domain(first.zone(), names);
        for (var group : byName.values()) {
            plans.add(planOne(group, runRegions, domain, profile, origin));
        }
        if (plans.size() == 2 && !plans.get(0).equals(plans.get(1))) {
            throw new CliException(byName.get(names.get(1)).getFirst().source() + ": " + names.get(1) + " routes "
                    + plans.get(1).describe() + " (expected: as " + names.get(0) + ", "
                    + plans.get(0).describe()
                    + "; the edges route both names alike)");
        }
        return plans.getFirst();
    }

    /** The first name is the HTTP API's; the second, if any, the WebSocket API's, else {@code ws.<zone>}. */
    private static AppDomain domain(String zone, List<String> names) {
        var webSocket = names.size() > 1 ? names.get(1) : "ws." + zone;
        try {
            return new AppDomain(zone, names.getFirst(), webSocket);
        } catch (IllegalArgumentException e) {
            throw new CliException("routing records: " + e.getMessage());
        }
    }

    private static EdgeRouting planOne(
            List<RouteRecord> group,
            List<String> runRegions,
            AppDomain domain,
            EdgeRouting.HealthProfile profile,
            String origin) {
        var kind = group.getFirst().policy().kind();
        var byRegion = new LinkedHashMap<String, RouteRecord>();
        for (var record : group) {
            if (!record.policy().kind().equals(kind)) {
                throw new CliException(
                        record.source() + ": a " + record.policy().kind() + " record (expected: " + kind + ", as "
                                + group.getFirst().source() + "; one routing policy per name)");
            }
            var twice = byRegion.put(record.region(), record);
            if (twice != null) {
                throw new CliException(record.source() + ": a second record for " + record.region() + ", after "
                        + twice.source() + " (expected: one record per region)");
            }
        }
        var regions = runRegions.stream().filter(byRegion::containsKey).toList();
        var checks = new LinkedHashMap<String, HealthCheckConfig>();
        var alwaysHealthy = new LinkedHashSet<String>();
        byRegion.forEach((region, record) -> health(record, profile, checks, alwaysHealthy));
        var policy = switch (kind) {
            case "failover" -> failover(group);
            case "weighted" -> weighted(group);
            default -> RoutingPolicy.latency();
        };
        return new EdgeRouting(domain, regions, policy, checks, alwaysHealthy, profile, origin);
    }

    private static void health(
            RouteRecord record,
            EdgeRouting.HealthProfile profile,
            Map<String, HealthCheckConfig> checks,
            Set<String> alwaysHealthy) {
        var check = record.check();
        if (check != null && !check.disabled()) {
            checks.put(record.region(), EdgeRouting.healthCheck(check, profile));
        } else if (check != null || !record.evaluateTargetHealth()) {
            alwaysHealthy.add(record.region());
        }
    }

    private static RoutingPolicy failover(List<RouteRecord> group) {
        RouteRecord primary = null;
        RouteRecord secondary = null;
        for (var record : group) {
            var role = ((dev.regionless.template.RoutingPolicy.Failover) record.policy()).role();
            var same = role == Role.PRIMARY ? primary : secondary;
            if (same != null) {
                throw new CliException(record.source() + ": a second " + role + " record, after " + same.source()
                        + " (expected: one PRIMARY and one SECONDARY record)");
            }
            if (role == Role.PRIMARY) {
                primary = record;
            } else {
                secondary = record;
            }
        }
        if (primary == null || secondary == null) {
            var present = primary == null ? secondary : primary;
            throw new CliException(present.source() + ": " + present.name() + " has a "
                    + (primary == null ? "SECONDARY" : "PRIMARY") + " record but no "
                    + (primary == null ? "PRIMARY" : "SECONDARY")
                    + " (expected: one PRIMARY and one SECONDARY record)");
        }
        return RoutingPolicy.failover(primary.region(), secondary.region());
    }

    private static RoutingPolicy weighted(List<RouteRecord> group) {
        var weights = new LinkedHashMap<String, Integer>();
        for (var record : group) {
            weights.put(record.region(), ((dev.regionless.template.RoutingPolicy.Weighted) record.policy()).weight());
        }
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            throw new CliException(group.getFirst().source() + ": every weighted record of "
                    + group.getFirst().name() + " has weight 0 " + weights
                    + " (expected: at least one weight above 0)");
        }
        return RoutingPolicy.weighted(weights);
    }
}
