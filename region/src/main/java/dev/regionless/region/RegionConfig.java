package dev.regionless.region;

import static java.util.Objects.requireNonNull;

import dev.regionless.gateway.WebSocketLimits;
import dev.regionless.replication.LinkDelays;
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
 * @param webSocketPort the application's WebSocket API port (with its {@code @connections} API), 0 for a free one
 * @param concurrencyLimit the region's concurrent executions limit
 * @param keepAlive how long idle execution environments stay warm
 * @param clock the region's time source
 * @param webSocketLimits the idle timeout and maximum duration of WebSocket connections
 * @param linkDelays the one-way delay of the replication links from this region to others (none by default)
 */
public record RegionConfig(
        String name,
        Path dataDirectory,
        String host,
        int servicePort,
        int apiPort,
        int adminPort,
        int webSocketPort,
        int concurrencyLimit,
        Duration keepAlive,
        Clock clock,
        WebSocketLimits webSocketLimits,
        LinkDelays linkDelays) {

    public RegionConfig {
        requireNonNull(name, "name");
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(host, "host");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(clock, "clock");
        requireNonNull(webSocketLimits, "webSocketLimits");
        requireNonNull(linkDelays, "linkDelays");
        if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new IllegalArgumentException("region name: " + name + " (expected: a name like eu-west-2)");
        }
        checkPort("servicePort", servicePort);
        checkPort("apiPort", apiPort);
        checkPort("adminPort", adminPort);
        checkPort("webSocketPort", webSocketPort);
    }

    /** The first of the loopback addresses given to the regions of a multi-region run, one each. */
    public static final int FIRST_LOOPBACK_HOST = 2;

    /**
     * The loopback address of the {@code index}th region (from 0) of a run whose regions each listen on their own:
     * 127.0.0.2, 127.0.0.3, and so on, so that an address names a region (a DNS answer, a log line). 127.0.0.1 is
     * left to what is not a region. Linux answers on the whole of 127.0.0.0/8 without configuration; macOS only on
     * 127.0.0.1 unless aliases are added ({@code ifconfig lo0 alias 127.0.0.2}).
     *
     * @throws IllegalArgumentException past 127.0.0.254
     */
    public static String loopbackAddress(int index) {
        int last = 254 - FIRST_LOOPBACK_HOST;
        if (index < 0 || index > last) {
            throw new IllegalArgumentException("loopback address index: " + index + " (expected: 0.." + last
                    + ", one address per region from 127.0.0." + FIRST_LOOPBACK_HOST + " to 127.0.0.254)");
        }
        return "127.0.0." + (FIRST_LOOPBACK_HOST + index);
    }

    /** Free ports on 127.0.0.1, Lambda's and API Gateway's default limits, the system clock. */
    public static RegionConfig defaults(String name, Path dataDirectory) {
        return new RegionConfig(
                name,
                dataDirectory,
                "127.0.0.1",
                0,
                0,
                0,
                0,
                1000,
                Duration.ofMinutes(10),
                Clock.systemUTC(),
                WebSocketLimits.defaults(),
                LinkDelays.none());
    }

    public RegionConfig withHost(String newHost) {
        return new RegionConfig(
                name,
                dataDirectory,
                newHost,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                concurrencyLimit,
                keepAlive,
                clock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withPorts(int service, int api, int admin) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                service,
                api,
                admin,
                webSocketPort,
                concurrencyLimit,
                keepAlive,
                clock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withWebSocketPort(int port) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                port,
                concurrencyLimit,
                keepAlive,
                clock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withClock(Clock newClock) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                concurrencyLimit,
                keepAlive,
                newClock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withKeepAlive(Duration newKeepAlive) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                concurrencyLimit,
                newKeepAlive,
                clock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withConcurrencyLimit(int limit) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                limit,
                keepAlive,
                clock,
                webSocketLimits,
                linkDelays);
    }

    public RegionConfig withWebSocketLimits(WebSocketLimits limits) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                concurrencyLimit,
                keepAlive,
                clock,
                limits,
                linkDelays);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + ": " + port + " (expected: 0..65535)");
        }
    }

    /** These settings with replication links from this region delayed as {@code delays} says. */
    public RegionConfig withLinkDelays(LinkDelays delays) {
        return new RegionConfig(
                name,
                dataDirectory,
                host,
                servicePort,
                apiPort,
                adminPort,
                webSocketPort,
                concurrencyLimit,
                keepAlive,
                clock,
                webSocketLimits,
                delays);
    }
}
