package dev.regionless.events.topics.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * SNS's delivery policy for the endpoints AWS manages (queues and functions), which cannot be changed: three
 * immediate retries, two a second apart, ten with exponential backoff from 1 to 20 seconds, then 100,000 every 20
 * seconds: 100,015 attempts over about 23 days.
 */
public final class DeliveryRetry {
    static final int MAXIMUM_ATTEMPTS = 100_015;

    private DeliveryRetry() {}

    /** The wait after the {@code failures}-th failed attempt, or empty when the delivery is given up. */
    public static Optional<Duration> delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " (expected: >= 1)");
        }
        if (failures >= MAXIMUM_ATTEMPTS) {
            return Optional.empty();
        }
        if (failures <= 3) {
            return Optional.of(Duration.ZERO);
        }
        if (failures <= 5) {
            return Optional.of(Duration.ofSeconds(1));
        }
        if (failures <= 15) {
            return Optional.of(Duration.ofSeconds(Math.min(20, 1L << (failures - 6))));
        }
        return Optional.of(Duration.ofSeconds(20));
    }
}
