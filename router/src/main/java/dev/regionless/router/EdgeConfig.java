package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one edge. Build them with {@link #builder}; {@link #toBuilder} changes a copy.
 *
 * <pre>{@code
 * var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
 *         .policy(RoutingPolicy.failover("eu-west-2", "us-west-2"))
 *         .delay("eu-west-2", Duration.ofMillis(5))
 *         .build();
 * }</pre>
 *
 * @param name the edge's name, for example {@code london}
 * @param location where the edge is, for people reading the status
 * @param host the address the edge's ports listen on
 * @param proxyPort the HTTP and WebSocket proxy port, 0 for a free one
 * @param dnsPort the DNS port (UDP and TCP), 0 for a free one
 * @param adminPort the admin port ({@code /admin/edge}), 0 for a free one
 * @param domain the application's names
 * @param policy how a region is picked
 * @param healthCheck how regions are checked, unless {@code regionHealthChecks} names the region
 * @param regionHealthChecks a region's own check, replacing {@code healthCheck} for it (a Route 53 record's
 *     {@code HealthCheckId}: the check of that region's copy of the template)
 * @param alwaysHealthy regions that routing counts as healthy whatever their checks say, as Route 53 counts a record
 *     with no health check that does not evaluate its target's health; they are still checked, for round trips and
 *     the status, and outlier detection still ejects them
 * @param outliers how traffic ejects failing regions
 * @param retries whether a failed idempotent request is tried once more on the next choice
 * @param dnsTtl the TTL of DNS answers (Route 53 recommends 60 s for failover records; small here)
 * @param delays the simulated round-trip delay from this edge to each region, added to the measured one
 * @param delayTraffic whether proxied traffic waits the delays out too (a request waits its region's round trip
 *     before it is forwarded, a WebSocket frame half of it each way), or they only steer latency routing
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
        Map<String, HealthCheckConfig> regionHealthChecks,
        Set<String> alwaysHealthy,
        OutlierConfig outliers,
        boolean retries,
        Duration dnsTtl,
        Map<String, Duration> delays,
        boolean delayTraffic,
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
        requireNonNull(delays, "delays").forEach((region, delay) -> {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delays." + region + ": " + delay + " (expected: 0 or more)");
            }
        });
        delays = Map.copyOf(delays);
        regionHealthChecks = Map.copyOf(requireNonNull(regionHealthChecks, "regionHealthChecks"));
        alwaysHealthy = Set.copyOf(requireNonNull(alwaysHealthy, "alwaysHealthy"));
    }

    /**
     * Settings on free ports of 127.0.0.1 with the fast-failover defaults: latency routing evaluating health,
     * {@link HealthCheckConfig#defaults()}, {@link OutlierConfig#defaults()}, retries on, a 1 s DNS TTL, no delays.
     */
    public static Builder builder(String name, AppDomain domain) {
        return new Builder(requireNonNull(name, "name"), requireNonNull(domain, "domain"));
    }

    /** {@link #builder}'s defaults, unchanged. */
    public static EdgeConfig defaults(String name, AppDomain domain) {
        return builder(name, domain).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        var builder = new Builder(name, domain)
                .location(location)
                .host(host)
                .ports(proxyPort, dnsPort, adminPort)
                .policy(policy)
                .healthCheck(healthCheck)
                .outliers(outliers)
                .retries(retries)
                .dnsTtl(dnsTtl)
                .delays(delays)
                .delayTraffic(delayTraffic)
                .clock(clock)
                .randomSeed(randomSeed);
        regionHealthChecks.forEach(builder::regionHealthCheck);
        alwaysHealthy.forEach(builder::alwaysHealthy);
        return builder;
    }

    /** How {@code region} is checked: its own check, or the edge's. */
    public HealthCheckConfig healthCheck(String region) {
        return regionHealthChecks.getOrDefault(region, healthCheck);
    }

    /**
     * These settings behaving as Route 53 alone would: its standard health check timings on every check (keeping
     * each check's port, path and search string), no outlier detection, no retries, and a 60 s TTL; for comparisons.
     */
    public EdgeConfig withRoute53Profile(HealthCheckConfig route53Timings) {
        var builder = toBuilder()
                .healthCheck(healthCheck.withTimingsOf(route53Timings))
                .outliers(OutlierConfig.disabled())
                .retries(false)
                .dnsTtl(Duration.ofSeconds(60));
        regionHealthChecks.forEach(
                (region, check) -> builder.regionHealthCheck(region, check.withTimingsOf(route53Timings)));
        return builder.build();
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": " + port + " (expected: 0..65535)");
        }
    }

    /** Collects an edge's settings; every setting starts at the default {@link #builder} names. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final AppDomain domain;
        private String location;
        private String host = "127.0.0.1";
        private int proxyPort;
        private int dnsPort;
        private int adminPort;
        private RoutingPolicy policy = RoutingPolicy.latency();
        private HealthCheckConfig healthCheck = HealthCheckConfig.defaults();
        private final Map<String, HealthCheckConfig> regionHealthChecks = new LinkedHashMap<>();
        private final Set<String> alwaysHealthy = new LinkedHashSet<>();
        private OutlierConfig outliers = OutlierConfig.defaults();
        private boolean retries = true;
        private Duration dnsTtl = Duration.ofSeconds(1);
        private final Map<String, Duration> delays = new LinkedHashMap<>();
        private boolean delayTraffic = true;
        private Clock clock = Clock.systemUTC();
        private long randomSeed = 1;

        private Builder(String name, AppDomain domain) {
            this.name = name;
            this.domain = domain;
            this.location = name;
        }

        public Builder location(String newLocation) {
            location = newLocation;
            return this;
        }

        public Builder host(String newHost) {
            host = newHost;
            return this;
        }

        public Builder ports(int proxy, int dns, int admin) {
            proxyPort = proxy;
            dnsPort = dns;
            adminPort = admin;
            return this;
        }

        public Builder policy(RoutingPolicy newPolicy) {
            policy = newPolicy;
            return this;
        }

        /** How every region without a check of its own is checked. */
        public Builder healthCheck(HealthCheckConfig check) {
            healthCheck = check;
            return this;
        }

        /** {@code region}'s own check, replacing the edge's for it. */
        public Builder regionHealthCheck(String region, HealthCheckConfig check) {
            regionHealthChecks.put(requireNonNull(region, "region"), requireNonNull(check, "check"));
            return this;
        }

        /** Routing counts {@code region} as healthy whatever its checks say (see {@link EdgeConfig}). */
        public Builder alwaysHealthy(String region) {
            alwaysHealthy.add(requireNonNull(region, "region"));
            return this;
        }

        public Builder outliers(OutlierConfig newOutliers) {
            outliers = newOutliers;
            return this;
        }

        public Builder retries(boolean on) {
            retries = on;
            return this;
        }

        public Builder dnsTtl(Duration ttl) {
            dnsTtl = ttl;
            return this;
        }

        /** The round-trip delay from this edge to {@code region}. */
        public Builder delay(String region, Duration delay) {
            delays.put(requireNonNull(region, "region"), delay);
            return this;
        }

        /** Replaces every delay. */
        public Builder delays(Map<String, Duration> newDelays) {
            delays.clear();
            newDelays.forEach(this::delay);
            return this;
        }

        /** Whether proxied traffic waits the delays out (the default), or they only steer latency routing. */
        public Builder delayTraffic(boolean on) {
            delayTraffic = on;
            return this;
        }

        public Builder clock(Clock newClock) {
            clock = newClock;
            return this;
        }

        public Builder randomSeed(long seed) {
            randomSeed = seed;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting out of range */
        public EdgeConfig build() {
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
                    regionHealthChecks,
                    alwaysHealthy,
                    outliers,
                    retries,
                    dnsTtl,
                    delays,
                    delayTraffic,
                    clock,
                    randomSeed);
        }
    }
}
