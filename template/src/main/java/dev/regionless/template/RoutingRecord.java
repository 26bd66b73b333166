package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One DNS record with a routing policy, from an {@code AWS::Route53::RecordSet} or one entry of an
 * {@code AWS::Route53::RecordSetGroup}. The router answers a name with the region that the records of that name and
 * type choose; a record sends its clients to {@link #region}, the region whose copy of the template declares it.
 *
 * <p>Records are identified by {@link #name}, {@link #type} and {@link #setIdentifier}. Every region reads the same
 * template, so a record declared with a region-dependent {@code SetIdentifier} (as the original Quack does with
 * {@code !Sub "${AWS::Region} API"}) appears once per region; one declared with a fixed one appears identically in
 * every region's application. {@link #conflict} tells which records cannot be in one zone together.
 *
 * @param logicalId the resource that declares it (a record set group declares several)
 * @param region the region whose copy of the template declares it
 * @param hostedZoneId {@code HostedZoneId}, or {@code null} when the zone is named by {@code HostedZoneName}
 * @param hostedZoneName {@code HostedZoneName} in lower case without its final dot, or {@code null}
 * @param name {@code Name} in lower case without its final dot, such as {@code api.quack.regionless.test}
 * @param type {@code Type}
 * @param policy how it competes with the other records of its name and type
 * @param setIdentifier {@code SetIdentifier}; {@code null} exactly for a {@link RoutingPolicy.Simple} record
 * @param healthCheckId {@code HealthCheckId}: the {@link HealthCheckSpec#id()} of a check of this template, or
 *     {@code null} when the record is not health-checked (and so always healthy)
 * @param aliasTarget {@code AliasTarget}, or {@code null} for a record with {@link #resourceRecords}
 * @param resourceRecords {@code ResourceRecords} of a record that is not an alias; empty for an alias
 * @param ttlSeconds {@code TTL} of a record that is not an alias, else {@code null} (an alias takes its target's)
 */
public record RoutingRecord(
        String logicalId,
        String region,
        String hostedZoneId,
        String hostedZoneName,
        String name,
        RecordType type,
        RoutingPolicy policy,
        String setIdentifier,
        String healthCheckId,
        AliasTargetSpec aliasTarget,
        List<String> resourceRecords,
        Integer ttlSeconds) {

    public RoutingRecord {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(region, "region");
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(policy, "policy");
        resourceRecords = List.copyOf(resourceRecords);
        if ((hostedZoneId == null) == (hostedZoneName == null)) {
            throw new IllegalArgumentException("hostedZoneId, hostedZoneName: " + hostedZoneId + ", " + hostedZoneName
                    + " (expected: exactly one)");
        }
        if ((setIdentifier == null) != (policy instanceof RoutingPolicy.Simple)) {
            throw new IllegalArgumentException("setIdentifier: " + setIdentifier
                    + " (expected: one for a latency, failover or weighted record, none for a simple one)");
        }
        if ((aliasTarget == null) == resourceRecords.isEmpty() || (aliasTarget == null) == (ttlSeconds == null)) {
            throw new IllegalArgumentException("aliasTarget, resourceRecords, ttlSeconds: " + aliasTarget + ", "
                    + resourceRecords + ", " + ttlSeconds + " (expected: an alias target, or records and a TTL)");
        }
    }

    /** {@code Type}: the record types whose answer can name a region. */
    public enum RecordType {
        A,
        AAAA,
        CNAME
    }

    /**
     * Why this record and {@code other} cannot both exist in one hosted zone, as Route 53 would refuse them; empty when
     * they can (different names or types, or different records of one routing policy).
     */
    public Optional<String> conflict(RoutingRecord other) {
        if (!name.equals(other.name) || type != other.type || !sameZone(other)) {
            return Optional.empty();
        }
        var what = name + " " + type;
        if (policy instanceof RoutingPolicy.Simple || other.policy instanceof RoutingPolicy.Simple) {
            return Optional.of(what + " already has a record (expected: one simple record, or records that all have a"
                    + " SetIdentifier and the same routing policy)");
        }
        if (!policy.kind().equals(other.policy.kind())) {
            return Optional.of(what + " has " + other.policy.kind() + " records, not " + policy.kind()
                    + " (expected: one routing policy for every record of a name and type)");
        }
        if (setIdentifier.equals(other.setIdentifier)) {
            return Optional.of("SetIdentifier " + setIdentifier + " is already used for " + what
                    + " (expected: a unique SetIdentifier per name and type)");
        }
        if (policy instanceof RoutingPolicy.Latency latency && latency.equals(other.policy)) {
            return Optional.of(what + " already has a latency record for " + latency.region()
                    + " (expected: one latency record per region)");
        }
        if (policy instanceof RoutingPolicy.Failover failover && failover.equals(other.policy)) {
            return Optional.of(what + " already has a " + failover.role() + " record (expected: one PRIMARY and one"
                    + " SECONDARY)");
        }
        return Optional.empty();
    }

    private boolean sameZone(RoutingRecord other) {
        return java.util.Objects.equals(hostedZoneId, other.hostedZoneId)
                && java.util.Objects.equals(hostedZoneName, other.hostedZoneName);
    }
}
