package dev.regionless.functions;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of one region's function runtime.
 *
 * @param region the region name, for example {@code eu-west-2}; becomes {@code AWS_REGION}
 * @param accountId the account id used in ARNs
 * @param serviceEndpoint the region's service port; becomes {@code AWS_ENDPOINT_URL}, so SDK clients built
 *     with default settings talk to this region
 * @param logDirectory where per-function log files are written
 * @param concurrencyLimit the region's concurrent executions limit (Lambda's default is 1,000)
 * @param keepAlive how long an idle execution environment stays warm before it is reclaimed
 * @param initTimeout the limit on a new environment's initialisation (Lambda: 10 s)
 * @param clock the time source for keep-alive, metering and log timestamps
 */
public record FunctionsConfig(
        String region,
        String accountId,
        URI serviceEndpoint,
        Path logDirectory,
        int concurrencyLimit,
        Duration keepAlive,
        Duration initTimeout,
        Clock clock) {

    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    public FunctionsConfig {
        requireNonNull(region, "region");
        requireNonNull(accountId, "accountId");
        requireNonNull(serviceEndpoint, "serviceEndpoint");
        requireNonNull(logDirectory, "logDirectory");
        requireNonNull(keepAlive, "keepAlive");
        requireNonNull(initTimeout, "initTimeout");
        requireNonNull(clock, "clock");
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException("concurrencyLimit: " + concurrencyLimit + " (expected: 1 or more)");
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("keepAlive: " + keepAlive + " (expected: more than zero)");
        }
    }

    /** Lambda's defaults: 1,000 concurrent executions, 10 minutes keep-alive, 10 s init limit. */
    public static FunctionsConfig defaults(String region, URI serviceEndpoint, Path logDirectory) {
        return new FunctionsConfig(
                region,
                DEFAULT_ACCOUNT_ID,
                serviceEndpoint,
                logDirectory,
                1000,
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    public FunctionsConfig withClock(Clock newClock) {
        return new FunctionsConfig(
                region, accountId, serviceEndpoint, logDirectory, concurrencyLimit, keepAlive, initTimeout, newClock);
    }

    public FunctionsConfig withKeepAlive(Duration newKeepAlive) {
        return new FunctionsConfig(
                region, accountId, serviceEndpoint, logDirectory, concurrencyLimit, newKeepAlive, initTimeout, clock);
    }

    public FunctionsConfig withConcurrencyLimit(int limit) {
        return new FunctionsConfig(
                region, accountId, serviceEndpoint, logDirectory, limit, keepAlive, initTimeout, clock);
    }

    /** The ARN of a function in this region. */
    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }
}
