package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.FunctionsConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of one region's gateway.
 *
 * @param region the region name; sent back in every response's {@code X-Regionless-Region} header
 * @param accountId the account id put in {@code requestContext.accountId}
 * @param restIntegrationTimeout how long a REST API waits for its function before answering 504 (AWS: 29 s)
 * @param httpIntegrationTimeout how long an HTTP API waits for its function before answering 504 (AWS: 30 s)
 * @param clock the time source for event timestamps, throttling token buckets and WebSocket timeouts
 * @param webSocket the idle timeout and maximum duration of WebSocket connections
 */
public record GatewayConfig(
        String region,
        String accountId,
        Duration restIntegrationTimeout,
        Duration httpIntegrationTimeout,
        Clock clock,
        WebSocketLimits webSocket) {

    public GatewayConfig {
        requireNonNull(region, "region");
        requireNonNull(accountId, "accountId");
        requireNonNull(clock, "clock");
        requireNonNull(webSocket, "webSocket");
        requirePositive("restIntegrationTimeout", restIntegrationTimeout);
        requirePositive("httpIntegrationTimeout", httpIntegrationTimeout);
    }

    /**
     * AWS's limits: 29 s for REST APIs, 30 s for HTTP APIs, WebSocket connections idle 10 min and 2 h at most; the
     * same account id as the function runtime.
     */
    public static GatewayConfig defaults(String region) {
        return new GatewayConfig(
                region,
                FunctionsConfig.DEFAULT_ACCOUNT_ID,
                Duration.ofSeconds(29),
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                WebSocketLimits.defaults());
    }

    /** This config with another time source. */
    public GatewayConfig withClock(Clock newClock) {
        return new GatewayConfig(
                region, accountId, restIntegrationTimeout, httpIntegrationTimeout, newClock, webSocket);
    }

    /** This config with both integration timeouts set to {@code timeout}. */
    public GatewayConfig withIntegrationTimeout(Duration timeout) {
        return new GatewayConfig(region, accountId, timeout, timeout, clock, webSocket);
    }

    /** This config with other WebSocket connection limits. */
    public GatewayConfig withWebSocketLimits(WebSocketLimits limits) {
        return new GatewayConfig(region, accountId, restIntegrationTimeout, httpIntegrationTimeout, clock, limits);
    }

    /** How long a WebSocket route waits for its function: REST's 29 s, as API Gateway applies to WebSocket APIs. */
    public Duration webSocketIntegrationTimeout() {
        return restIntegrationTimeout;
    }

    /** The integration timeout of an API of this type. */
    public Duration integrationTimeout(ApiType type) {
        return type == ApiType.REST ? restIntegrationTimeout : httpIntegrationTimeout;
    }

    private static void requirePositive(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: more than zero)");
        }
    }
}
