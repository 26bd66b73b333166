package dev.regionless.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>Lambda's rules for that response: the batch succeeded if the response is empty or null, or its
 * {@code batchItemFailures} list is empty or null; it failed as a whole if an entry's {@code itemIdentifier} is
 * empty, null or missing (a wrong key name). Otherwise the lowest reported sequence number is where processing
 * resumes. An identifier that names no record of the batch cannot be resumed from either, so it too fails the batch.
 */
public final class BatchOutcomes {
    private BatchOutcomes() {}

    public static BatchOutcome of(InvocationResult result, EventBatch batch, boolean reportBatchItemFailures) {
        return switch (result) {
            case InvocationResult.Completed completed ->
                reportBatchItemFailures ? partial(completed, batch) : new BatchOutcome.Succeeded(completed.requestId());
            case InvocationResult.Failed failed ->
                new BatchOutcome.FunctionError(
                        failed.requestId(), failed.timedOut() ? "timed out" : "failed: " + errorOf(failed));
            case InvocationResult.Throttled throttled ->
                new BatchOutcome.NotInvoked(throttled.requestId(), 429, "was throttled: " + throttled.reason());
        };
    }

    private static BatchOutcome partial(InvocationResult.Completed completed, EventBatch batch) {
        var requestId = completed.requestId();
        JsonNode response;
        try {
            response = completed.payload().length == 0 ? null : Json.mapper().readTree(completed.payload());
        } catch (IOException e) {
            return invalid(requestId, "answered a response that is not JSON");
        }
        var failures = response == null || !response.isObject() ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
            return new BatchOutcome.Succeeded(requestId);
        }
        if (!failures.isArray()) {
            return invalid(requestId, "answered batchItemFailures that is not a list");
        }
        long lowest = Long.MAX_VALUE;
        for (var failure : failures) {
            var identifier = failure.get("itemIdentifier");
            if (identifier == null
                    || !identifier.isTextual()
                    || identifier.textValue().isEmpty()) {
                return invalid(requestId, "answered a batch item failure without an itemIdentifier: " + failure);
            }
            var sequence = sequenceInBatch(identifier.textValue(), batch);
            if (sequence.isEmpty()) {
                return invalid(
                        requestId,
                        "answered itemIdentifier " + identifier.textValue() + ", the sequence number of no record"
                                + " of the batch");
            }
            lowest = Math.min(lowest, sequence.getAsLong());
        }
        return new BatchOutcome.ReportedFailure(requestId, lowest);
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

    private static BatchOutcome invalid(String requestId, String why) {
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
