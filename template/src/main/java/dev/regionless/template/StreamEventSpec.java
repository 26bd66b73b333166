package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * A function's {@code DynamoDB} event: the function is invoked with batches of records from a table's stream.
 * Templates name the stream by {@code !GetAtt Table.StreamArn}, but a stream's ARN holds the time it was enabled in
 * each region, known only after deploy, so the event names the table instead and the region finds its stream.
 *
 * @param functionLogicalId the logical id of the function that declares the event
 * @param functionName that function's name
 * @param eventName the event's key under {@code Events}
 * @param tableLogicalId the logical id of the table whose stream is read, or {@code null} when {@code Stream} is a
 *     literal ARN (the table may then be declared outside the template)
 * @param tableName the name of that table
 * @param startingPosition where a new reader starts in the stream
 * @param batchSize {@code BatchSize}, 1..10000 (default 100): the most records in one invocation
 * @param batchingWindowSeconds {@code MaximumBatchingWindowInSeconds}, 0..300 (default 0): how long records may be
 *     gathered before the function is invoked with fewer than {@code batchSize}
 * @param enabled {@code Enabled} (default true): whether records are read at all
 */
public record StreamEventSpec(
        String functionLogicalId,
        String functionName,
        String eventName,
        String tableLogicalId,
        String tableName,
        StartingPosition startingPosition,
        int batchSize,
        int batchingWindowSeconds,
        boolean enabled) {

    public StreamEventSpec {
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(eventName, "eventName");
        requireNonNull(tableName, "tableName");
        requireNonNull(startingPosition, "startingPosition");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " (expected: 1..10000)");
        }
        if (batchingWindowSeconds < 0 || batchingWindowSeconds > 300) {
            throw new IllegalArgumentException(
                    "batchingWindowSeconds: " + batchingWindowSeconds + " (expected: 0..300)");
        }
    }

    /** {@code StartingPosition}, spelled as Lambda spells it; DynamoDB streams have no {@code AT_TIMESTAMP}. */
    public enum StartingPosition {
        /** The oldest record the stream still holds (streams keep records for 24 hours). */
        TRIM_HORIZON,
        /** Only records written after the reader starts. */
        LATEST
    }
}
