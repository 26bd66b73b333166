package dev.regionless.region;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of one region node.
 *
 * @param name the region name, for example {@code eu-west-2}
 * @param dataDirectory this region's own data folder
 * @param host the address its ports listen on (regions of a demo use distinct loopback addresses)
 * @param servicePort the AWS-compatible service port, 0 for a free one
 * @param apiPort the application's HTTP API port, 0 for a free one
 * @param adminPort the admin port (status, logs, usage), 0 for a free one
 * @param concurrencyLimit the region's concurrent executions limit
 * @param keepAlive how long idle execution environments stay warm
 * @param clock the region's time source
 */
public record RegionConfig(
        String name,
        Path dataDirectory,
        String host,
        int servicePort,
        int apiPort,
        int adminPort,
        int concurrencyLimit,
        Duration keepAlive,
        Clock clock) {

    public RegionConfig {
        requireNonNull(name, "name");
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(host, "host");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(clock, "clock");
        if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new IllegalArgumentException("region name: " + name + " (expected: a name like eu-west-2)");
        }
        checkPort("servicePort", servicePort);
        checkPort("apiPort", apiPort);
        checkPort("adminPort", adminPort);
    }

    /** Free ports on 127.0.0.1, Lambda's default limits, the system clock. */
    public static RegionConfig defaults(String name, Path dataDirectory) {
        return new RegionConfig(
                name, dataDirectory, "127.0.0.1", 0, 0, 0, 1000, Duration.ofMinutes(10), Clock.systemUTC());
    }

    public RegionConfig withHost(String newHost) {
        return new RegionConfig(
                name, dataDirectory, newHost, servicePort, apiPort, adminPort, concurrencyLimit, keepAlive, clock);
    }

    public RegionConfig withPorts(int service, int api, int admin) {
        return new RegionConfig(name, dataDirectory, host, service, api, admin, concurrencyLimit, keepAlive, clock);
    }

    public RegionConfig withClock(Clock newClock) {
        return new RegionConfig(
                name, dataDirectory, host, servicePort, apiPort, adminPort, concurrencyLimit, keepAlive, newClock);
    }

    public RegionConfig withKeepAlive(Duration newKeepAlive) {
        return new RegionConfig(
                name, dataDirectory, host, servicePort, apiPort, adminPort, concurrencyLimit, newKeepAlive, clock);
    }

    public RegionConfig withConcurrencyLimit(int limit) {
        return new RegionConfig(name, dataDirectory, host, servicePort, apiPort, adminPort, limit, keepAlive, clock);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": " + port + " (expected: 0..65535)");
        }
    }
}
