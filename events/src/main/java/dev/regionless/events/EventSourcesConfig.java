package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * How a region's event sources behave when things go wrong or go quiet.
 *
 * @param clock the region's clock; a record is past retention when this clock says so, so tests advance it
 *     instead of waiting a day
 * @param firstRetryDelay the wait after a batch's first failed invocation; each further failure doubles it
 * @param maxRetryDelay the longest wait between two invocations of a failing batch
 * @param retention how long a stream keeps a record; a failing batch's records older than this are skipped, as
 *     Lambda skips records that left the stream
 * @param recheckInterval how often an idle poller looks at its stream without being told of a change: a safety
 *     net, and how a mapping notices a table or stream that appears after it was created
 * @param mappingsFile where the mappings created through the Lambda API are kept across restarts (the region's
 *     data folder), or {@code null} to keep them in memory only
 */
public record EventSourcesConfig(
        Clock clock,
        Duration firstRetryDelay,
        Duration maxRetryDelay,
        Duration retention,
        Duration recheckInterval,
        java.nio.file.Path mappingsFile) {
    /**
     * Lambda documents no backoff for stream batches. One second, doubling to thirty, retries a transient failure
     * almost at once, and costs a function that fails for the full day of retention under 3,000 invocations.
     */
    public static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);

    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** DynamoDB Streams' retention, the same the region's table housekeeping trims at. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** Changes wake a poller at once; this check is only a fallback, so it can be slow. */
    public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(5);

    public EventSourcesConfig {
        requireNonNull(clock, "clock");
        requirePositive("firstRetryDelay", firstRetryDelay);
        requirePositive("maxRetryDelay", maxRetryDelay);
        requirePositive("retention", retention);
        requirePositive("recheckInterval", recheckInterval);
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxRetryDelay: " + maxRetryDelay + " (expected: >= firstRetryDelay " + firstRetryDelay + ")");
        }
    }

    public static EventSourcesConfig defaults(Clock clock) {
        return new EventSourcesConfig(clock, FIRST_RETRY_DELAY, MAX_RETRY_DELAY, RETENTION, RECHECK_INTERVAL, null);
    }

    public EventSourcesConfig withRetryDelays(Duration first, Duration max) {
        return new EventSourcesConfig(clock, first, max, retention, recheckInterval, mappingsFile);
    }

    public EventSourcesConfig withRecheckInterval(Duration interval) {
        return new EventSourcesConfig(clock, firstRetryDelay, maxRetryDelay, retention, interval, mappingsFile);
    }

    /** Keeps the mappings created through the Lambda API in {@code file}, so that they outlive a restart. */
    public EventSourcesConfig withMappingsFile(java.nio.file.Path file) {
        return new EventSourcesConfig(clock, firstRetryDelay, maxRetryDelay, retention, recheckInterval, file);
    }

    private static void requirePositive(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
