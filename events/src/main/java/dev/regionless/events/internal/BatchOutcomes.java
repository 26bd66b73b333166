package dev.regionless.events.internal;

import dev.regionless.common.Json;
import dev.regionless.functions.InvocationResult;
import dev.regionless.tables.streams.SequenceNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Reads an invocation's result as a {@link BatchOutcome}, including the partial batch response
 * ({@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}}) when the mapping asked for one.
 *
 * <p>{@link BatchItemFailures} reads the response by Lambda's rules; for a stream, the lowest reported sequence
 * number is where processing resumes. An identifier that names no record of the batch cannot be resumed from either, so it too fails the batch.
 */
public final class BatchOutcomes {
    private BatchOutcomes() {}

    public static BatchOutcome of(InvocationResult result, EventBatch batch, boolean reportBatchItemFailures) {
        if (result instanceof InvocationResult.Completed completed && reportBatchItemFailures) {
            return partial(completed, batch);
        }
        return whole(result);
    }

    /** The outcome for the batch as a whole, whatever the function answered: for sources without partial responses. */
    static BatchOutcome whole(InvocationResult result) {
        return switch (result) {
            case InvocationResult.Completed completed -> new BatchOutcome.Succeeded(completed.requestId());
            case InvocationResult.Failed failed ->
                new BatchOutcome.FunctionError(
                        failed.requestId(), failed.timedOut() ? "timed out" : "failed: " + errorOf(failed));
            case InvocationResult.Throttled throttled ->
                new BatchOutcome.NotInvoked(throttled.requestId(), 429, "was throttled: " + throttled.reason());
        };
    }

    private static BatchOutcome partial(InvocationResult.Completed completed, EventBatch batch) {
        var requestId = completed.requestId();
        return switch (BatchItemFailures.read(completed.payload())) {
            case BatchItemFailures.NoFailures none -> new BatchOutcome.Succeeded(requestId);
            case BatchItemFailures.Invalid invalid -> invalid(requestId, invalid.why());
            case BatchItemFailures.Failed failed -> {
                long lowest = Long.MAX_VALUE;
                for (var identifier : failed.itemIdentifiers()) {
                    var sequence = sequenceInBatch(identifier, batch);
                    if (sequence.isEmpty()) {
                        yield invalid(
                                requestId,
                                "answered itemIdentifier " + identifier + ", the sequence number of no record"
                                        + " of the batch");
                    }
                    lowest = Math.min(lowest, sequence.getAsLong());
                }
                yield new BatchOutcome.ReportedFailure(requestId, lowest);
            }
        };
    }

    private static OptionalLong sequenceInBatch(String identifier, EventBatch batch) {
        var parsed = SequenceNumbers.parse(identifier);
        if (parsed.isEmpty()) {
            return parsed;
        }
        long sequence = parsed.getAsLong();
        return batch.records().stream().anyMatch(record -> record.sequence() == sequence)
                ? parsed
                : OptionalLong.empty();
    }

    static BatchOutcome invalid(String requestId, String why) {
        return new BatchOutcome.FunctionError(requestId, why + " (the whole batch counts as failed)");
    }

    /** {@code errorType: errorMessage} from Lambda's error JSON, without the stack trace. */
    static String errorOf(InvocationResult.Failed failed) {
        try {
            var node = Json.mapper().readTree(failed.errorPayload());
            return node.path("errorType").asText() + ": "
                    + node.path("errorMessage").asText();
        } catch (IOException e) {
            return new String(failed.errorPayload(), StandardCharsets.UTF_8);
        }
    }
}
