package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.FunctionErrors;

/**
 * One event source mapping: which stream or queue feeds which function, and how, with Lambda's names, defaults and
 * limits. The source ({@link #source()}) decides which settings apply: streams have a starting position,
 * parallelization and the stream error handling; queues have a maximum concurrency and only
 * {@code ReportBatchItemFailures} of the error handling, since a failed message returns to its queue after the
 * visibility timeout and the queue's own redrive policy decides when it is a dead letter.
 *
 * <p>Its identity is {@code uuid}: a redeployed mapping with the same uuid and source keeps its position in the
 * stream, whatever else changed, as an updated Lambda mapping does.
 *
 * @param uuid the mapping's identifier, stable across deploys (Lambda's {@code UUID})
 * @param functionName the function to invoke
 * @param eventSourceArn the table's stream ARN, or simply the table's name, or a queue's ARN ({@link MappingSource})
 * @param startingPosition where a new stream mapping starts reading; {@code null} for a queue, which has none
 * @param batchSize the most records per invocation, 1 to 10,000 (Lambda's default 100 for streams, 10 for queues;
 *     a FIFO queue's at most 10); a batch is also cut so that its event stays within Lambda's 6 MB payload limit
 * @param maximumBatchingWindowInSeconds how long to wait for a full batch before invoking with fewer records, 0 to
 *     300 (default 0: invoke as soon as there are records)
 * @param parallelizationFactor how many batches of the stream are processed at once, 1 to 10 (default 1). Records
 *     are spread over that many lanes by partition key, so the changes of one item keep their order
 * @param failureHandling retries, bisection, partial batch responses and the on-failure destination
 * @param enabled false to keep the mapping and its position without delivering anything
 * @param maximumConcurrency a queue mapping's {@code ScalingConfig.MaximumConcurrency}, 2 to 1,000: the most batches
 *     it has in flight at once; 0 when not set (Lambda's default, up to 1,000). Always 0 for a stream
 * @param filterCriteria a queue mapping's filters: messages that match none are deleted without invoking the
 *     function. Always empty for a stream (Regionless does not filter stream records)
 */
public record EventSourceMapping(
        String uuid,
        String functionName,
        String eventSourceArn,
        StartingPosition startingPosition,
        int batchSize,
        int maximumBatchingWindowInSeconds,
        int parallelizationFactor,
        FailureHandling failureHandling,
        boolean enabled,
        int maximumConcurrency,
        FilterCriteria filterCriteria) {
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Lambda's default batch size for a queue, which is also the most a FIFO queue's mapping may take. */
    public static final int DEFAULT_QUEUE_BATCH_SIZE = 10;

    public static final int MIN_MAXIMUM_CONCURRENCY = 2;
    public static final int MAX_MAXIMUM_CONCURRENCY = 1_000;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_BATCHING_WINDOW_SECONDS = 300;
    public static final int MAX_PARALLELIZATION_FACTOR = 10;

    public EventSourceMapping {
        requireNonNull(uuid, "uuid");
        requireNonNull(functionName, "functionName");
        requireNonNull(eventSourceArn, "eventSourceArn");
        requireNonNull(failureHandling, "failureHandling");
        requireNonNull(filterCriteria, "filterCriteria");
        if (uuid.isBlank()) {
            throw FunctionErrors.invalidParameter("uuid: '" + uuid + "' (expected: a non-blank identifier)");
        }
        if (functionName.isBlank()) {
            throw FunctionErrors.invalidParameter("functionName: '" + functionName + "' (expected: a function name)");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw FunctionErrors.invalidParameter("batchSize: " + batchSize + " (expected: 1.." + MAX_BATCH_SIZE + ")");
        }
        if (maximumBatchingWindowInSeconds < 0 || maximumBatchingWindowInSeconds > MAX_BATCHING_WINDOW_SECONDS) {
            throw FunctionErrors.invalidParameter("maximumBatchingWindowInSeconds: " + maximumBatchingWindowInSeconds
                    + " (expected: 0.." + MAX_BATCHING_WINDOW_SECONDS + ")");
        }
        if (parallelizationFactor < 1 || parallelizationFactor > MAX_PARALLELIZATION_FACTOR) {
            throw FunctionErrors.invalidParameter("parallelizationFactor: " + parallelizationFactor + " (expected: 1.."
                    + MAX_PARALLELIZATION_FACTOR + ")");
        }
        if (maximumConcurrency != 0
                && (maximumConcurrency < MIN_MAXIMUM_CONCURRENCY || maximumConcurrency > MAX_MAXIMUM_CONCURRENCY)) {
            throw FunctionErrors.invalidParameter("maximumConcurrency: " + maximumConcurrency + " (expected: "
                    + MIN_MAXIMUM_CONCURRENCY + ".." + MAX_MAXIMUM_CONCURRENCY + ")");
        }
        switch (MappingSource.of(eventSourceArn)) {
            case MappingSource.Stream stream -> {
                requireNonNull(startingPosition, "startingPosition");
                if (maximumConcurrency != 0) {
                    throw FunctionErrors.invalidParameter("ScalingConfig: MaximumConcurrency " + maximumConcurrency
                            + " (expected: no ScalingConfig; it applies to queue sources only)");
                }
                if (!filterCriteria.isEmpty()) {
                    throw FunctionErrors.invalidParameter("FilterCriteria is not supported for this event source"
                            + " mapping (event filtering is not supported by Regionless for streams; filter in the"
                            + " function)");
                }
            }
            case MappingSource.Queue queue -> {
                if (startingPosition != null) {
                    throw FunctionErrors.invalidParameter("StartingPosition is not valid for SQS event sources.");
                }
            }
        }
    }

    /**
     * A mapping without a scaling config, as every stream mapping is.
     *
     * @see #EventSourceMapping(String, String, String, StartingPosition, int, int, int, FailureHandling, boolean, int,
     *     FilterCriteria)
     */
    public EventSourceMapping(
            String uuid,
            String functionName,
            String eventSourceArn,
            StartingPosition startingPosition,
            int batchSize,
            int maximumBatchingWindowInSeconds,
            int parallelizationFactor,
            FailureHandling failureHandling,
            boolean enabled) {
        this(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                0,
                FilterCriteria.none());
    }

    /** A mapping with Lambda's defaults: batches of 100, no batching window, one lane, default failure handling. */
    public static EventSourceMapping of(
            String uuid, String functionName, String eventSourceArn, StartingPosition startingPosition) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                DEFAULT_BATCH_SIZE,
                0,
                1,
                FailureHandling.defaults(),
                true);
    }

    /** A queue mapping with Lambda's defaults: batches of 10, no batching window, no maximum concurrency. */
    public static EventSourceMapping ofQueue(String uuid, String functionName, String queueArn) {
        return new EventSourceMapping(
                uuid,
                functionName,
                queueArn,
                null,
                DEFAULT_QUEUE_BATCH_SIZE,
                0,
                1,
                FailureHandling.defaults(),
                true,
                0,
                FilterCriteria.none());
    }

    public EventSourceMapping withFunctionName(String newFunctionName) {
        return new EventSourceMapping(
                uuid,
                newFunctionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withBatchSize(int newBatchSize) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                newBatchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withMaximumBatchingWindowInSeconds(int seconds) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                seconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withParallelizationFactor(int factor) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                factor,
                failureHandling,
                enabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withFailureHandling(FailureHandling newFailureHandling) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                newFailureHandling,
                enabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withEnabled(boolean newEnabled) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                newEnabled,
                maximumConcurrency,
                filterCriteria);
    }

    public EventSourceMapping withMaximumConcurrency(int concurrency) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                concurrency,
                filterCriteria);
    }

    public EventSourceMapping withFilterCriteria(FilterCriteria newFilterCriteria) {
        return new EventSourceMapping(
                uuid,
                functionName,
                eventSourceArn,
                startingPosition,
                batchSize,
                maximumBatchingWindowInSeconds,
                parallelizationFactor,
                failureHandling,
                enabled,
                maximumConcurrency,
                newFilterCriteria);
    }

    /** What feeds the function: a table's stream or a queue. */
    public MappingSource source() {
        return MappingSource.of(eventSourceArn);
    }

    /** Whether a queue feeds the function. */
    public boolean fromQueue() {
        return source() instanceof MappingSource.Queue;
    }

    /**
     * The name of the table whose stream feeds the function.
     *
     * @throws IllegalStateException for a queue mapping
     */
    public String tableName() {
        return switch (source()) {
            case MappingSource.Stream stream -> stream.tableName();
            case MappingSource.Queue queue ->
                throw new IllegalStateException("mapping " + uuid + " reads a queue, not a table");
        };
    }

    /** True if both mappings read the same table or queue, so that a position in one is a position in the other. */
    public boolean sameSourceAs(EventSourceMapping other) {
        return source().equals(other.source());
    }

    /**
     * Checks the rules between settings that Lambda applies once a request's settings are all known: for queues, that
     * the stream-only settings are unset, that a batch over 10 has a batching window, and that a FIFO queue's batch
     * is at most 10 with no window.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException}, in Lambda's words where
     *     Lambda has them
     */
    public EventSourceMapping requireConsistent() {
        if (!(source() instanceof MappingSource.Queue queue)) {
            return this;
        }
        var handling = failureHandling;
        if (parallelizationFactor != 1) {
            throw unsupportedForQueues("ParallelizationFactor");
        }
        if (handling.bisectBatchOnFunctionError()) {
            throw unsupportedForQueues("BisectBatchOnFunctionError");
        }
        if (handling.limitsRetries()) {
            throw unsupportedForQueues("MaximumRetryAttempts");
        }
        if (handling.limitsRecordAge()) {
            throw unsupportedForQueues("MaximumRecordAgeInSeconds");
        }
        if (handling.onFailure().isPresent()) {
            throw unsupportedForQueues("DestinationConfig");
        }
        if (queue.fifo() && batchSize > DEFAULT_QUEUE_BATCH_SIZE) {
            throw FunctionErrors.invalidParameter("BatchSize: " + batchSize + " (expected: 1..10 for a FIFO queue,"
                    + " whose batches Lambda limits to 10 messages)");
        }
        if (queue.fifo() && maximumBatchingWindowInSeconds > 0) {
            throw FunctionErrors.invalidParameter("MaximumBatchingWindowInSeconds: " + maximumBatchingWindowInSeconds
                    + " (expected: 0; batching windows are not supported for FIFO queues)");
        }
        if (batchSize > DEFAULT_QUEUE_BATCH_SIZE && maximumBatchingWindowInSeconds == 0) {
            throw FunctionErrors.invalidParameter(
                    "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
        return this;
    }

    private static dev.regionless.common.AwsException unsupportedForQueues(String parameter) {
        return FunctionErrors.invalidParameter(
                "Unsupported " + parameter + " parameter for given event source mapping type (expected: no "
                        + parameter + " for a queue; failed messages return to the queue after its visibility"
                        + " timeout, and its RedrivePolicy sends them to a dead-letter queue)");
    }
}
