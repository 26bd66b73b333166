package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.queues.ReceivedMessage;
import java.util.List;

/**
 * One batch of received messages as the function receives it.
 *
 * @param messages at least one message, in the order the queue handed them out
 * @param overflow messages received for the batch that did not fit its payload: they go back to the queue
 * @param payload the event JSON, {@code {"Records":[...]}}
 */
record QueueBatch(List<ReceivedMessage> messages, List<ReceivedMessage> overflow, byte[] payload) {
    QueueBatch {
        messages = List.copyOf(messages);
        overflow = List.copyOf(overflow);
        requireNonNull(payload, "payload");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages: [] (expected: at least one)");
        }
    }
}
