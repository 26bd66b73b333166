package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one edge.
 *
 * @param name the edge's name, for example {@code london}
 * @param location where the edge is, for people reading the status
 * @param host the address the edge's ports listen on
 * @param proxyPort the HTTP and WebSocket proxy port, 0 for a free one
 * @param dnsPort the DNS port (UDP and TCP), 0 for a free one
 * @param adminPort the admin port ({@code /admin/edge}), 0 for a free one
 * @param domain the application's names
 * @param policy how a region is picked
 * @param healthCheck how regions are checked
 * @param outliers how traffic ejects failing regions
 * @param retries whether a failed idempotent request is tried once more on the next choice
 * @param dnsTtl the TTL of DNS answers (Route 53 recommends 60 s for failover records; small here)
 * @param delays the simulated round-trip delay from this edge to each region, added to the measured one
 * @param clock the time source of health checks and ejections
 * @param randomSeed the seed of weighted routing's random choices
 */
public record EdgeConfig(
        String name,
        String location,
        String host,
        int proxyPort,
        int dnsPort,
        int adminPort,
        AppDomain domain,
        RoutingPolicy policy,
        HealthCheckConfig healthCheck,
        OutlierConfig outliers,
        boolean retries,
        Duration dnsTtl,
        Map<String, Duration> delays,
        Clock clock,
        long randomSeed) {

    public EdgeConfig {
        requireNonNull(name, "name");
        requireNonNull(location, "location");
        requireNonNull(host, "host");
        requireNonNull(domain, "domain");
        requireNonNull(policy, "policy");
        requireNonNull(healthCheck, "healthCheck");
        requireNonNull(outliers, "outliers");
        requireNonNull(dnsTtl, "dnsTtl");
        requireNonNull(delays, "delays");
        requireNonNull(clock, "clock");
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("edge name: " + name + " (expected: lower-case letters, digits, -)");
        }
        checkPort("proxyPort", proxyPort);
        checkPort("dnsPort", dnsPort);
        checkPort("adminPort", adminPort);
        if (dnsTtl.isNegative() || dnsTtl.toSeconds() > 172_800) {
            throw new IllegalArgumentException("dnsTtl: " + dnsTtl + " (expected: 0..172800 s)");
        }
        delays.forEach((region, delay) -> {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delays." + region + ": " + delay + " (expected: 0 or more)");
            }
        });
        delays = Map.copyOf(delays);
    }

    /**
     * An edge on free ports of 127.0.0.1 with the fast-failover defaults: latency routing evaluating health,
     * {@link HealthCheckConfig#defaults()}, {@link OutlierConfig#defaults()}, retries on, a 1 s DNS TTL, no delays.
     */
    public static EdgeConfig defaults(String name, AppDomain domain) {
        return new EdgeConfig(
                name,
                name,
                "127.0.0.1",
                0,
                0,
                0,
                domain,
                RoutingPolicy.latency(),
                HealthCheckConfig.defaults(),
                OutlierConfig.defaults(),
                true,
                Duration.ofSeconds(1),
                Map.of(),
                Clock.systemUTC(),
                1);
    }

    /**
     * These settings behaving as Route 53 alone would: its standard health check timings (keeping this check's
     * port, path and search string), no outlier detection, no retries, and a 60 s TTL; for comparisons.
     */
    public EdgeConfig withRoute53Profile(HealthCheckConfig route53Timings) {
        var check = healthCheck
                .withInterval(route53Timings.interval())
                .withTimeout(route53Timings.timeout())
                .withThresholds(route53Timings.failureThreshold(), route53Timings.successThreshold());
        return withHealthCheck(check)
                .withOutliers(OutlierConfig.disabled())
                .withRetries(false)
                .withDnsTtl(Duration.ofSeconds(60));
    }

    public EdgeConfig withLocation(String newLocation) {
        return new EdgeConfig(
                name,
                newLocation,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withHost(String newHost) {
        return new EdgeConfig(
                name,
                location,
                newHost,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withPorts(int proxy, int dns, int admin) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxy,
                dns,
                admin,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withPolicy(RoutingPolicy newPolicy) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                newPolicy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withHealthCheck(HealthCheckConfig check) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                check,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withOutliers(OutlierConfig newOutliers) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                newOutliers,
                retries,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withRetries(boolean on) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                on,
                dnsTtl,
                delays,
                clock,
                randomSeed);
    }

    public EdgeConfig withDnsTtl(Duration ttl) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                ttl,
                delays,
                clock,
                randomSeed);
    }

    /** These settings with the round-trip delay from this edge to {@code region} set to {@code delay}. */
    public EdgeConfig withDelay(String region, Duration delay) {
        var copy = new LinkedHashMap<>(delays);
        copy.put(requireNonNull(region, "region"), delay);
        return withDelays(copy);
    }

    public EdgeConfig withDelays(Map<String, Duration> newDelays) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                newDelays,
                clock,
                randomSeed);
    }

    public EdgeConfig withClock(Clock newClock) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                newClock,
                randomSeed);
    }

    public EdgeConfig withRandomSeed(long seed) {
        return new EdgeConfig(
                name,
                location,
                host,
                proxyPort,
                dnsPort,
                adminPort,
                domain,
                policy,
                healthCheck,
                outliers,
                retries,
                dnsTtl,
                delays,
                clock,
                seed);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": " + port + " (expected: 0..65535)");
        }
    }
}
