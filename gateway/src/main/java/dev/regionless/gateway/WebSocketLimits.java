package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a WebSocket connection may live. The frame and message sizes are API Gateway's fixed quotas; the two
 * durations are quotas too, but tests and demos shorten them.
 *
 * @param idleTimeout a connection that receives nothing from its client for this long is closed (AWS: 10 min)
 * @param maxDuration every connection is closed this long after it opened (AWS: 2 h)
 */
public record WebSocketLimits(Duration idleTimeout, Duration maxDuration) {
    /** The largest frame a client may send: 32 KB; a larger one closes the connection with 1009. */
    public static final int MAX_FRAME_BYTES = 32 * 1024;

    /** The largest message (frames joined): 128 KB; a larger one closes the connection with 1009. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;

    public WebSocketLimits {
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("maxDuration", maxDuration);
    }

    /** API Gateway's quotas: 10 minutes idle, 2 hours in all. */
    public static WebSocketLimits defaults() {
        return new WebSocketLimits(Duration.ofMinutes(10), Duration.ofHours(2));
    }

    private static void requirePositive(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: more than zero)");
        }
    }
}
