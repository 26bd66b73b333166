package dev.regionless.queues;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message to send, as SendMessage takes it.
 *
 * @param body the body, any Unicode text SQS allows
 * @param attributes the message attributes by name, at most ten
 * @param traceHeader the {@code AWSTraceHeader} system attribute, or {@code null}
 * @param delaySeconds the message's own delay (standard queues only), or {@code null} for the queue's
 * @param groupId the {@code MessageGroupId}: required on FIFO queues, or {@code null}
 * @param deduplicationId the {@code MessageDeduplicationId} (FIFO queues), or {@code null}
 */
public record OutgoingMessage(
        String body,
        Map<String, MessageAttribute> attributes,
        String traceHeader,
        Integer delaySeconds,
        String groupId,
        String deduplicationId) {

    public OutgoingMessage {
        requireNonNull(body, "body");
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A plain message with nothing but a body. */
    public static OutgoingMessage of(String body) {
        return new OutgoingMessage(body, Map.of(), null, null, null, null);
    }

    /** This message in a FIFO queue's message group, with a deduplication id (or {@code null} for content-based). */
    public OutgoingMessage inGroup(String group, String deduplication) {
        return new OutgoingMessage(body, attributes, traceHeader, delaySeconds, group, deduplication);
    }

    /** This message delayed by {@code seconds}. */
    public OutgoingMessage delayedBy(int seconds) {
        return new OutgoingMessage(body, attributes, traceHeader, seconds, groupId, deduplicationId);
    }

    /** This message with {@code attributes}. */
    public OutgoingMessage withAttributes(Map<String, MessageAttribute> newAttributes) {
        return new OutgoingMessage(body, newAttributes, traceHeader, delaySeconds, groupId, deduplicationId);
    }
}
