package dev.regionless.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a function's partial batch response, {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}, the same way
 * for every source; what an identifier names (a stream record's sequence number, a queue message's id) is the
 * source's business.
 *
 * <p>Lambda's rules: the batch succeeded if the response is empty or null, or its {@code batchItemFailures} list is
 * empty or null; it failed as a whole if an entry's {@code itemIdentifier} is empty, null or missing (a wrong key
 * name), or the response cannot be read.
 */
final class BatchItemFailures {
    private BatchItemFailures() {}

    /** What a response says. A closed set: the sources switch over it. */
    sealed interface Reading {}

    /** Every item succeeded. */
    record NoFailures() implements Reading {}

    /** These items failed, by {@code itemIdentifier}, in the response's order; never empty. */
    record Failed(List<String> itemIdentifiers) implements Reading {
        Failed {
            itemIdentifiers = List.copyOf(itemIdentifiers);
        }
    }

    /** The response cannot be read as a partial batch response, so the whole batch failed; {@code why} says how. */
    record Invalid(String why) implements Reading {}

    static Reading read(byte[] payload) {
        JsonNode response;
        try {
            response = payload.length == 0 ? null : Json.mapper().readTree(payload);
        } catch (IOException e) {
            return new Invalid("answered a response that is not JSON");
        }
        var failures = response == null || !response.isObject() ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isArray() && failures.isEmpty()) {
            return new NoFailures();
        }
        if (!failures.isArray()) {
            return new Invalid("answered batchItemFailures that is not a list");
        }
        var identifiers = new ArrayList<String>();
        for (var failure : failures) {
            var identifier = failure.get("itemIdentifier");
            if (identifier == null
                    || !identifier.isTextual()
                    || identifier.textValue().isEmpty()) {
                return new Invalid("answered a batch item failure without an itemIdentifier: " + failure);
            }
            identifiers.add(identifier.textValue());
        }
        return new Failed(identifiers);
    }
}
