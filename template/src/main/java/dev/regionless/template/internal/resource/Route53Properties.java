package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * For the Route 53 types and their nested settings, which properties Regionless honours, which it ignores with a
 * warning (and why that is harmless), and which it rejects (and what to write instead).
 */
final class Route53Properties {

    private static final String POLICIES = "latency (Region), failover (Failover) or weighted (Weight) routing";
    private static final String CHECK_TYPES = "an HTTP, HTTPS, HTTP_STR_MATCH or HTTPS_STR_MATCH check";
    private static final String REGION_CHECKED =
            "Regionless checks the API of the region whose copy of the template declares the check";

    static final PropertyRules RECORD = new PropertyRules(
            RecordSetKind.RECORD_SET_TYPE,
            Set.of(
                    "AliasTarget",
                    "Failover",
                    "HealthCheckId",
                    "HostedZoneId",
                    "HostedZoneName",
                    "Name",
                    "Region",
                    "ResourceRecords",
                    "SetIdentifier",
                    "TTL",
                    "Type",
                    "Weight"),
            Map.of("Comment", "comments are not kept"),
            Map.of(
                    "GeoLocation", POLICIES,
                    "GeoProximityLocation", POLICIES,
                    "CidrRoutingConfig", POLICIES,
                    "MultiValueAnswer", POLICIES));

    static final PropertyRules RECORD_SET_GROUP = new PropertyRules(
            RecordSetKind.RECORD_SET_GROUP_TYPE,
            Set.of("HostedZoneId", "HostedZoneName", "RecordSets"),
            Map.of("Comment", "comments are not kept"),
            Map.of());

    static final PropertyRules ALIAS_TARGET = new PropertyRules(
            "AliasTarget", Set.of("DNSName", "HostedZoneId", "EvaluateTargetHealth"), Map.of(), Map.of());

    static final PropertyRules HEALTH_CHECK = new PropertyRules(
            HealthCheckKind.TYPE,
            Set.of("HealthCheckConfig"),
            Map.of("HealthCheckTags", "tags are not kept"),
            Map.of());

    static final PropertyRules HEALTH_CHECK_CONFIG = new PropertyRules(
            "HealthCheckConfig",
            Set.of(
                    "Type",
                    "ResourcePath",
                    "RequestInterval",
                    "FailureThreshold",
                    "SearchString",
                    "Inverted",
                    "Disabled"),
            Map.ofEntries(
                    entry("FullyQualifiedDomainName", REGION_CHECKED),
                    entry("IPAddress", REGION_CHECKED),
                    entry("Port", REGION_CHECKED),
                    entry("EnableSNI", "regions serve plain HTTP"),
                    entry("MeasureLatency", "the router measures round trips itself"),
                    entry("Regions", "each edge of the router checks every region itself")),
            Map.of(
                    "AlarmIdentifier", CHECK_TYPES,
                    "ChildHealthChecks", CHECK_TYPES,
                    "HealthThreshold", CHECK_TYPES,
                    "InsufficientDataHealthStatus", CHECK_TYPES,
                    "RoutingControlArn", CHECK_TYPES));

    private Route53Properties() {}
}
