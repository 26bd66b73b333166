package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.ChangeRecord;
import java.util.List;

/**
 * One batch as the function receives it: the records, oldest first, and the event that carries them.
 *
 * @param records at least one record, in stream order
 * @param payload the event JSON, {@code {"Records":[...]}}
 */
public record EventBatch(List<ChangeRecord> records, byte[] payload) {
    public EventBatch {
        records = List.copyOf(records);
        requireNonNull(payload, "payload");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records: [] (expected: at least one)");
        }
    }

    public long firstSequence() {
        return records.getFirst().sequence();
    }

    public long lastSequence() {
        return records.getLast().sequence();
    }
}
