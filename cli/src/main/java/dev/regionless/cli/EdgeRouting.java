package dev.regionless.cli;

import dev.regionless.router.AppDomain;
import dev.regionless.router.EdgeConfig;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.OutlierConfig;
import dev.regionless.router.RoutingPolicy;
import dev.regionless.template.HealthCheckSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a run's edges route: the names they answer, the regions they choose among, the policy, and how each region's
 * health is judged, as Route 53 would judge the records they come from (see {@link RoutingPlanner}).
 *
 * @param domain the names the edges answer
 * @param regions the regions the edges know, in the run's order: those with a record (every region when none has)
 * @param policy the policy among them
 * @param checks each region's own health check, from its record's {@code HealthCheckId}
 * @param alwaysHealthy regions whose record has neither a health check nor {@code EvaluateTargetHealth}
 * @param profile fast checks (the default) or Route 53's timings
 * @param origin where the policy comes from, for people: the template, a routing file, or the default
 */
record EdgeRouting(
        AppDomain domain,
        List<String> regions,
        RoutingPolicy policy,
        Map<String, HealthCheckConfig> checks,
        Set<String> alwaysHealthy,
        HealthProfile profile,
        String origin) {

    /** How fast the edges' health checks are. */
    enum HealthProfile {
        /** Regionless's: a check every 250 ms, two failures or passes in a row move the status. */
        FAST,
        /** Route 53's: each check's {@code RequestInterval} and {@code FailureThreshold}, no outlier ejection. */
        ROUTE53;

        static HealthProfile parse(String text) {
            return switch (text) {
                case "fast" -> FAST;
                case "route53" -> ROUTE53;
                default -> throw new CliException("--health-profile: " + text + " (expected: fast or route53)");
            };
        }
    }

    EdgeRouting {
        regions = List.copyOf(regions);
        checks = Map.copyOf(checks);
        alwaysHealthy = Set.copyOf(alwaysHealthy);
    }

    /** Latency routing among every region, each checked on {@code /admin/region-health}: apps without records. */
    static EdgeRouting byLatency(AppDomain domain, List<String> regions, HealthProfile profile) {
        return new EdgeRouting(
                domain,
                regions,
                RoutingPolicy.latency(),
                Map.of(),
                Set.of(),
                profile,
                "latency by measurement (no Route 53 records)");
    }

    /**
     * A region's check from a record's health check: its path and string match on the region's app port, reversed
     * when {@code Inverted}; Route 53's interval and threshold only with the {@code route53} profile, else the fast
     * defaults.
     */
    static HealthCheckConfig healthCheck(HealthCheckSpec spec, HealthProfile profile) {
        var check = HealthCheckConfig.defaults()
                .onHttp(spec.resourcePath())
                .withSearchString(spec.searchString())
                .withInverted(spec.inverted());
        if (profile == HealthProfile.FAST) {
            return check;
        }
        return check.withInterval(Duration.ofSeconds(spec.requestIntervalSeconds()))
                .withThresholds(spec.failureThreshold(), spec.failureThreshold());
    }

    /** The edges' settings for this routing; the profile sets the default check, ejection, retries and TTL. */
    EdgeConfig.Builder applyTo(EdgeConfig.Builder builder) {
        builder.policy(policy);
        checks.forEach(builder::regionHealthCheck);
        alwaysHealthy.forEach(builder::alwaysHealthy);
        if (profile == HealthProfile.ROUTE53) {
            builder.healthCheck(HealthCheckConfig.route53())
                    .outliers(OutlierConfig.disabled())
                    .retries(false)
                    .dnsTtl(Duration.ofSeconds(60));
        }
        return builder;
    }

    /** One line for the run's summary, such as {@code failover (primary eu-west-2, secondary us-west-2)}. */
    String describe() {
        var text = switch (policy) {
            case RoutingPolicy.Latency latency -> "latency among " + String.join(", ", regions);
            case RoutingPolicy.Failover failover ->
                "failover (primary " + failover.primary() + ", secondary " + failover.secondary() + ")";
            case RoutingPolicy.Weighted weighted -> "weighted " + weighted.weights();
        };
        var checked = new LinkedHashMap<String, String>();
        for (var region : regions) {
            var check = checks.get(region);
            checked.put(
                    region,
                    alwaysHealthy.contains(region)
                            ? "always healthy"
                            : check == null ? "admin /admin/region-health" : "GET " + check.path());
        }
        return text + ", from " + origin + "; health: " + checked
                + (profile == HealthProfile.ROUTE53 ? " (Route 53's timings)" : "");
    }
}
