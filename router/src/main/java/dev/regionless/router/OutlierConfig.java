package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Passive outlier detection: the edge watches its own traffic to each region and ejects a region at once when
 * connections to it fail or it answers server errors in a row, without waiting for the next health check. An
 * ejected region gets no traffic for {@code baseEjection} times 2^(ejections - 1), at most {@code maxEjection};
 * then it is tried again, and a success (or enough passing health checks) ends the backoff. Route 53 has no such
 * thing; this is what keeps failover under a second when a region stops answering between two checks.
 *
 * @param enabled whether traffic can eject a region at all
 * @param consecutiveConnectFailures failed connections in a row that eject a region (1..100)
 * @param consecutiveServerErrors 5xx answers in a row that eject a region (1..100)
 * @param baseEjection how long the first ejection lasts
 * @param maxEjection the longest an ejection lasts, however often it repeats
 */
public record OutlierConfig(
        boolean enabled,
        int consecutiveConnectFailures,
        int consecutiveServerErrors,
        Duration baseEjection,
        Duration maxEjection) {

    public OutlierConfig {
        requireNonNull(baseEjection, "baseEjection");
        requireNonNull(maxEjection, "maxEjection");
        checkCount("consecutiveConnectFailures", consecutiveConnectFailures);
        checkCount("consecutiveServerErrors", consecutiveServerErrors);
        if (baseEjection.toMillis() < 1) {
            throw new IllegalArgumentException("baseEjection: " + baseEjection + " (expected: 1 ms or more)");
        }
        if (maxEjection.compareTo(baseEjection) < 0) {
            throw new IllegalArgumentException(
                    "maxEjection: " + maxEjection + " (expected: at least baseEjection, " + baseEjection + ")");
        }
    }

    /** One failed connection or three 5xx answers in a row eject a region for 1 s, doubling up to 30 s. */
    public static OutlierConfig defaults() {
        return new OutlierConfig(true, 1, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** No passive detection: only health checks take a region out, as with Route 53. */
    public static OutlierConfig disabled() {
        return new OutlierConfig(false, 1, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private static void checkCount(String what, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 1..100)");
        }
    }
}
