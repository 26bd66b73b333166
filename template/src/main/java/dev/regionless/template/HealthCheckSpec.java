package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * One {@code AWS::Route53::HealthCheck}: an HTTP check of a region's API, as Route 53 runs it. Route 53 counts a
 * check as passing when the endpoint answers 2xx or 3xx within 2 seconds of connecting (and, for a string match, has
 * {@link #searchString} in the first 5,120 bytes of its body); {@link #failureThreshold} results in a row move the
 * status either way.
 *
 * <p>Every region reads the same template, so the check a region's copy declares is that region's own, as when the
 * same stack is deployed in several AWS regions: it checks {@link #region}'s API at {@link #resourcePath}. Its
 * {@code FullyQualifiedDomainName}, {@code IPAddress} and {@code Port} name an AWS endpoint and are not used (the
 * template reader warns about them).
 *
 * @param logicalId the resource's key under {@code Resources}
 * @param id what {@code Ref} gives: a UUID derived from the region, stack name and logical id, different in each
 *     region as each stack's check is, and the same on every read; a {@link RoutingRecord#healthCheckId()} names it
 * @param region the region whose copy of the template declares the check, the region it checks
 * @param type {@code HealthCheckConfig.Type}
 * @param resourcePath {@code ResourcePath}, starting with {@code /}; {@code /} when not set, as in Route 53
 * @param requestIntervalSeconds {@code RequestInterval}: 10 or 30 (the default)
 * @param failureThreshold {@code FailureThreshold}: 1..10, 3 by default
 * @param searchString {@code SearchString} for the string-matching types, else {@code null}
 * @param inverted {@code Inverted}: the check's status is reversed
 * @param disabled {@code Disabled}: the check is considered healthy whatever its endpoint answers
 */
public record HealthCheckSpec(
        String logicalId,
        String id,
        String region,
        Type type,
        String resourcePath,
        int requestIntervalSeconds,
        int failureThreshold,
        String searchString,
        boolean inverted,
        boolean disabled) {

    public HealthCheckSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(id, "id");
        requireNonNull(region, "region");
        requireNonNull(type, "type");
        requireNonNull(resourcePath, "resourcePath");
        if (type.matchesString() != (searchString != null)) {
            throw new IllegalArgumentException("searchString: " + searchString + " (expected: a string for "
                    + "HTTP_STR_MATCH and HTTPS_STR_MATCH checks only)");
        }
    }

    /** {@code HealthCheckConfig.Type}: the endpoint checks Regionless can run against a region's HTTP API. */
    public enum Type {
        HTTP,
        HTTPS,
        HTTP_STR_MATCH,
        HTTPS_STR_MATCH;

        /** Whether the check also looks for {@link #searchString} in the body. */
        public boolean matchesString() {
            return this == HTTP_STR_MATCH || this == HTTPS_STR_MATCH;
        }
    }
}
