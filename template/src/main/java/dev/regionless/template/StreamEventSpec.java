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
 * @param parallelizationFactor {@code ParallelizationFactor}, 1..10 (default 1): batches processed at once
 * @param errors what happens when the function fails
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
        int parallelizationFactor,
        ErrorHandling errors,
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
        if (parallelizationFactor < 1 || parallelizationFactor > 10) {
            throw new IllegalArgumentException(
                    "parallelizationFactor: " + parallelizationFactor + " (expected: 1..10)");
        }
        requireNonNull(errors, "errors");
    }

    /**
     * A stream event's error handling, as Lambda names it.
     *
     * @param bisectBatchOnFunctionError {@code BisectBatchOnFunctionError} (default false)
     * @param maximumRetryAttempts {@code MaximumRetryAttempts}: -1 (default, infinite) or 0..10000
     * @param maximumRecordAgeInSeconds {@code MaximumRecordAgeInSeconds}: -1 (default, infinite) or 60..604800
     * @param reportBatchItemFailures {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}
     * @param onFailureDestination {@code DestinationConfig.OnFailure.Destination}, or {@code null}
     */
    public record ErrorHandling(
            boolean bisectBatchOnFunctionError,
            int maximumRetryAttempts,
            int maximumRecordAgeInSeconds,
            boolean reportBatchItemFailures,
            String onFailureDestination) {
        /** Lambda's defaults: retry until the records expire, nothing reported, no destination. */
        public static final ErrorHandling DEFAULTS = new ErrorHandling(false, -1, -1, false, null);

        /** True when failed records are eventually discarded rather than retried until they expire. */
        public boolean discardsRecords() {
            return maximumRetryAttempts != -1 || maximumRecordAgeInSeconds != -1;
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
