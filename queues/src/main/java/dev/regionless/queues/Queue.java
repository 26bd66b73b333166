package dev.regionless.queues;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A queue's settings, as CreateQueue and SetQueueAttributes leave them.
 *
 * @param name the queue name; a FIFO queue's ends with {@code .fifo}
 * @param arn {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
 * @param attributes the settable attributes with their values, defaults included ({@link QueueAttributes})
 * @param tags the queue's tags
 * @param createdTimestamp seconds since the epoch
 * @param lastModifiedTimestamp seconds since the epoch
 */
public record Queue(
        String name,
        String arn,
        Map<String, String> attributes,
        Map<String, String> tags,
        long createdTimestamp,
        long lastModifiedTimestamp) {

    public Queue {
        requireNonNull(name, "name");
        requireNonNull(arn, "arn");
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }

    public boolean isFifo() {
        return "true".equals(attributes.get(QueueAttributes.FIFO_QUEUE));
    }

    /** The queue's settings, typed. */
    public QueueAttributes settings() {
        return QueueAttributes.of(attributes);
    }
}
