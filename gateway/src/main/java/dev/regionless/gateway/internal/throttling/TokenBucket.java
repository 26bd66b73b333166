package dev.regionless.gateway.internal.throttling;

import static java.util.Objects.requireNonNull;

import dev.regionless.gateway.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: it holds up to {@code burstLimit} tokens, starts full, gains {@code rateLimit} tokens per
 * second, and each request takes one. Time comes from the clock, so tests advance a clock instead of sleeping.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Throttle throttle;
    private final Clock clock;
    private double tokens;
    private Instant lastRefill;

    public TokenBucket(Throttle throttle, Clock clock) {
        this.throttle = requireNonNull(throttle, "throttle");
        this.clock = requireNonNull(clock, "clock");
        this.tokens = throttle.burstLimit();
        this.lastRefill = clock.instant();
    }

    /** The limits this bucket enforces. */
    public Throttle throttle() {
        return throttle;
    }

    /** Takes one token if there is one; false means the request is over the limit. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill() {
        var now = clock.instant();
        if (now.isAfter(lastRefill)) {
            long nanos = Duration.between(lastRefill, now).toNanos();
            tokens = Math.min(throttle.burstLimit(), tokens + throttle.rateLimit() * nanos / NANOS_PER_SECOND);
            lastRefill = now;
        }
    }
}
