package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.FunctionErrors;
import dev.regionless.tables.streams.TableStream;
import java.util.regex.Pattern;

/**
 * One event source mapping: which stream feeds which function, and how, with Lambda's names, defaults and limits.
 *
 * <p>Its identity is {@code uuid}: a redeployed mapping with the same uuid and source keeps its position in the
 * stream, whatever else changed, as an updated Lambda mapping does.
 *
 * @param uuid the mapping's identifier, stable across deploys (Lambda's {@code UUID})
 * @param functionName the function to invoke
 * @param eventSourceArn the table's stream ARN, or simply the table's name. A stream ARN stands for its table: the
 *     mapping follows the table's current stream, because a template resolves {@code !GetAtt Table.StreamArn}
 *     before the stream exists and cannot know its label
 * @param startingPosition where a new mapping starts reading
 * @param batchSize the most records per invocation, 1 to 10,000 (Lambda's default 100); a batch is also cut so that
 *     its event stays within Lambda's 6 MB payload limit
 * @param maximumBatchingWindowInSeconds how long to wait for a full batch before invoking with fewer records, 0 to
 *     300 (default 0: invoke as soon as there are records)
 * @param parallelizationFactor how many batches of the stream are processed at once, 1 to 10 (default 1). Records
 *     are spread over that many lanes by partition key, so the changes of one item keep their order
 * @param failureHandling retries, bisection, partial batch responses and the on-failure destination
 * @param enabled false to keep the mapping and its position without delivering anything
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
        boolean enabled) {
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_BATCHING_WINDOW_SECONDS = 300;
    public static final int MAX_PARALLELIZATION_FACTOR = 10;

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    public EventSourceMapping {
        requireNonNull(uuid, "uuid");
        requireNonNull(functionName, "functionName");
        requireNonNull(eventSourceArn, "eventSourceArn");
        requireNonNull(startingPosition, "startingPosition");
        requireNonNull(failureHandling, "failureHandling");
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
        tableNameOf(eventSourceArn); // validates
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
                enabled);
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
                enabled);
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
                enabled);
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
                enabled);
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
                enabled);
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
                newEnabled);
    }

    /** The name of the table whose stream feeds the function. */
    public String tableName() {
        return tableNameOf(eventSourceArn);
    }

    /** True if both mappings read the same table, so that a position in one is a position in the other. */
    public boolean sameSourceAs(EventSourceMapping other) {
        return tableName().equals(other.tableName());
    }

    private static String tableNameOf(String source) {
        if (source.startsWith("arn:")) {
            return TableStream.tableNameIn(source)
                    .orElseThrow(() -> FunctionErrors.invalidParameter("eventSourceArn: " + source
                            + " (expected: a DynamoDB stream ARN, arn:aws:dynamodb:<region>:<account>:table/<name>"
                            + "/stream/<label>, or a table name)"));
        }
        if (!TABLE_NAME.matcher(source).matches()) {
            throw FunctionErrors.invalidParameter("eventSourceArn: '" + source
                    + "' (expected: a DynamoDB stream ARN or a table name of 3 to 255 letters, digits, '_', '-', '.')");
        }
        return source;
    }
}
