package dev.regionless.events.topics;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a region's topics.
 *
 * @param folder where the topics' database lives
 * @param region the region name, used in ARNs
 * @param accountId the account id, used in ARNs and as the topics' owner
 * @param serviceEndpoint the region's service port, where notifications' {@code UnsubscribeURL} points
 * @param clock the time of timestamps and of delivery retries
 * @param tick how often the deliveries look at the clock for retries that came due
 */
public record TopicsConfig(
        Path folder, String region, String accountId, URI serviceEndpoint, Clock clock, Duration tick) {
    public static final Duration DEFAULT_TICK = Duration.ofMillis(100);

    public TopicsConfig {
        requireNonNull(folder, "folder");
        requireNonNull(region, "region");
        requireNonNull(accountId, "accountId");
        requireNonNull(serviceEndpoint, "serviceEndpoint");
        requireNonNull(clock, "clock");
        requireNonNull(tick, "tick");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick: " + tick + " (expected: > 0)");
        }
    }

    public static TopicsConfig defaults(
            Path folder, String region, String accountId, URI serviceEndpoint, Clock clock) {
        return new TopicsConfig(folder, region, accountId, serviceEndpoint, clock, DEFAULT_TICK);
    }
}
