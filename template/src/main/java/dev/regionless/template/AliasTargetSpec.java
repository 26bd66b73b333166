package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * A record's {@code AliasTarget}: on AWS, another resource's DNS name (in the original Quack, the region's API
 * Gateway custom domain). Regionless sends the record's clients to the region that declares it, so the names are kept
 * only to be shown; {@link #evaluateTargetHealth} is what changes routing.
 *
 * @param dnsName {@code DNSName}
 * @param hostedZoneId {@code HostedZoneId} of the target
 * @param evaluateTargetHealth {@code EvaluateTargetHealth}: whether the record takes the health of its target (for a
 *     Regionless region: whether the region is up and answering); false by default, as in Route 53
 */
public record AliasTargetSpec(String dnsName, String hostedZoneId, boolean evaluateTargetHealth) {
    public AliasTargetSpec {
        requireNonNull(dnsName, "dnsName");
        requireNonNull(hostedZoneId, "hostedZoneId");
    }
}
