package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lambda's retry rules for asynchronous invocations, as pure decisions. A function error is retried
 * {@code MaximumRetryAttempts} times, about one minute after the first failure and two after the second. A throttle
 * or a platform error puts the event back in the queue with a backoff from one second doubling to five minutes, for
 * as long as the event is younger than {@code MaximumEventAgeInSeconds}, which is checked each time the event comes
 * due ({@link #expired}), as Lambda checks it when it takes an event from the queue. A function whose reserved concurrency is
 * zero can never run, so its events fail at once.
 */
public final class AsyncRetryPolicy {
    /** The waits after the first and second function error. */
    public static final List<Duration> FUNCTION_ERROR_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    public static final Duration FIRST_THROTTLE_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_THROTTLE_DELAY = Duration.ofMinutes(5);

    /** What to do with an event after an attempt, or before one. */
    public sealed interface Decision {
        /** Try again at {@code at}. */
        record Retry(Instant at) implements Decision {}

        /** Give up: send the event to the failure destination or dead-letter queue with this condition. */
        record Discard(String condition) implements Decision {}
    }

    public static final String RETRIES_EXHAUSTED = "RetriesExhausted";
    public static final String EVENT_AGE_EXCEEDED = "EventAgeExceeded";

    private AsyncRetryPolicy() {}

    /** Whether the event is too old to be tried at {@code now}. */
    public static boolean expired(AsyncEvent event, int maxAgeSeconds, Instant now) {
        return Duration.between(event.enqueuedAt(), now).compareTo(Duration.ofSeconds(maxAgeSeconds)) > 0;
    }

    /** After the function failed; {@code event} already counts this failure. */
    public static Decision afterFunctionError(AsyncEvent event, int retryAttempts, Instant now) {
        requireNonNull(event, "event");
        if (event.functionErrors() > retryAttempts) {
            return new Decision.Discard(RETRIES_EXHAUSTED);
        }
        var delay = FUNCTION_ERROR_DELAYS.get(Math.min(event.functionErrors(), FUNCTION_ERROR_DELAYS.size()) - 1);
        return new Decision.Retry(now.plus(delay));
    }

    /** After a throttle or platform error; {@code event} already counts it in {@link AsyncEvent#throttles()}. */
    public static Decision afterThrottle(AsyncEvent event, Instant now) {
        requireNonNull(event, "event");
        int doublings = Math.min(event.throttles() - 1, 30);
        var delay = FIRST_THROTTLE_DELAY.multipliedBy(1L << doublings);
        if (delay.compareTo(MAX_THROTTLE_DELAY) > 0) {
            delay = MAX_THROTTLE_DELAY;
        }
        return new Decision.Retry(now.plus(delay));
    }
}
