package dev.regionless.cli;

import static java.util.Objects.requireNonNull;

import dev.regionless.template.HealthCheckSpec;
import dev.regionless.template.RoutingPolicy;

/**
 * One region's routing record, as the edges use it, from a template's {@code AWS::Route53::RecordSet} (or
 * {@code RecordSetGroup} entry) or from a routing file: which region it sends clients to, how it competes with the
 * other records of its name, and how its health is judged.
 *
 * @param source where it was declared, for messages (for example {@code Resources.DnsRecord in eu-west-2's copy of
 *     the template})
 * @param name the DNS name it answers, such as {@code api.quack.regionless.test}
 * @param zone the zone the name lies in
 * @param region the region it sends clients to
 * @param policy latency, failover or weighted, as Route 53 reads it
 * @param check its health check ({@code HealthCheckId}), or {@code null} when none
 * @param evaluateTargetHealth whether it also takes the health of its target, the region
 */
record RouteRecord(
        String source,
        String name,
        String zone,
        String region,
        RoutingPolicy policy,
        HealthCheckSpec check,
        boolean evaluateTargetHealth) {

    RouteRecord {
        requireNonNull(source, "source");
        requireNonNull(name, "name");
        requireNonNull(zone, "zone");
        requireNonNull(region, "region");
        requireNonNull(policy, "policy");
    }
}
