package dev.regionless.events.topics.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.queues.MessageAttribute;
import java.time.Instant;
import java.util.Map;

/**
 * One published message as every subscriber's notification carries it.
 *
 * @param messageId the id SNS gave the message
 * @param topicArn the topic it was published to
 * @param timestamp when it was published
 * @param subject the subject, or {@code null}
 * @param message the message for this subscriber's protocol (with {@code MessageStructure=json}, its entry)
 * @param attributes the message attributes
 * @param groupId the FIFO message group, or {@code null}
 * @param deduplicationId the FIFO deduplication id (given or derived from the content), or {@code null}
 * @param sequenceNumber the FIFO sequence number, or {@code null}
 */
public record Notice(
        String messageId,
        String topicArn,
        Instant timestamp,
        String subject,
        String message,
        Map<String, MessageAttribute> attributes,
        String groupId,
        String deduplicationId,
        String sequenceNumber) {
    public Notice {
        requireNonNull(messageId, "messageId");
        requireNonNull(topicArn, "topicArn");
        requireNonNull(timestamp, "timestamp");
        requireNonNull(message, "message");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
