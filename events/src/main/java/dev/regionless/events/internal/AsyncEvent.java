package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One event in a region's asynchronous invocation queue and where it stands.
 *
 * @param requestId the request id the Invoke call answered with; every attempt runs under it
 * @param functionName the function to invoke
 * @param payload the event
 * @param enqueuedAt when the queue accepted it; its age counts from here
 * @param attempts how often it was handed to the function, throttled attempts included
 * @param functionErrors how many of those attempts ended in a function error (retried up to MaximumRetryAttempts)
 * @param throttles how many consecutive attempts were throttled or failed in the platform (drives the backoff)
 * @param nextAttemptAt when it may be tried next
 * @param last how the last attempt ended, or {@code null} before the first
 */
public record AsyncEvent(
        String requestId,
        String functionName,
        byte[] payload,
        Instant enqueuedAt,
        int attempts,
        int functionErrors,
        int throttles,
        Instant nextAttemptAt,
        LastResponse last) {

    public AsyncEvent {
        requireNonNull(requestId, "requestId");
        requireNonNull(functionName, "functionName");
        requireNonNull(payload, "payload");
        requireNonNull(enqueuedAt, "enqueuedAt");
        requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A new event, due at once. */
    public static AsyncEvent accepted(String requestId, String functionName, byte[] payload, Instant now) {
        return new AsyncEvent(requestId, functionName, payload, now, 0, 0, 0, now, null);
    }

    /**
     * How an attempt ended, as the invocation record's {@code responseContext} and {@code responsePayload} tell it.
     *
     * @param statusCode the Invoke API's status: 200 also for a function error, 429 for a throttle, 500 for a
     *     platform error
     * @param functionError {@code Unhandled} for a function error, or {@code null}
     * @param payload the function's response or error document, or {@code null}
     */
    public record LastResponse(int statusCode, String functionError, byte[] payload) {}
}
