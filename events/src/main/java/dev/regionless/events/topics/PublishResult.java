package dev.regionless.events.topics;

/**
 * What a publish answers once the message is durably accepted for delivery.
 *
 * @param messageId the message's id, the same in every subscriber's notification
 * @param sequenceNumber the message's place in a FIFO topic, or {@code null} on a standard topic
 */
public record PublishResult(String messageId, String sequenceNumber) {}
