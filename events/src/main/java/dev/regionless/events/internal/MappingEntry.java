package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.EventSourceMapping;
import java.time.Instant;

/**
 * One mapping the region holds, with what the API reports about it besides its settings.
 *
 * @param fromTemplate declared by the deployed template (replaced by each deploy), or created through the API (kept
 *     in the mappings file)
 * @param functionArn the function's ARN when the mapping was created or last changed
 * @param lastModified when that was
 * @param result the mapping's last processing result, shared by its pollers and kept across changes
 */
public record MappingEntry(
        EventSourceMapping mapping,
        boolean fromTemplate,
        String functionArn,
        Instant lastModified,
        ProcessingResult result) {
    public MappingEntry {
        requireNonNull(mapping, "mapping");
        requireNonNull(functionArn, "functionArn");
        requireNonNull(lastModified, "lastModified");
        requireNonNull(result, "result");
    }

    public String uuid() {
        return mapping.uuid();
    }

    public MappingEntry with(EventSourceMapping newMapping, String newFunctionArn, Instant modified) {
        return new MappingEntry(newMapping, fromTemplate, newFunctionArn, modified, result);
    }
}
