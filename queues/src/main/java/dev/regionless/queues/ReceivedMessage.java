package dev.regionless.queues;

import java.util.Map;

/**
 * A message as ReceiveMessage hands it out.
 *
 * @param messageId the id SendMessage answered
 * @param receiptHandle the handle to delete it or change its visibility with; valid until it is received again
 * @param body the body
 * @param md5OfBody the hex MD5 of the body
 * @param attributes the message attributes selected by the receive's names
 * @param md5OfMessageAttributes the MD5 of {@code attributes}, or {@code null} when there are none
 * @param systemAttributes every system attribute by its SQS name ({@code SentTimestamp},
 *     {@code ApproximateReceiveCount}, {@code ApproximateFirstReceiveTimestamp}, {@code SenderId}, and for FIFO
 *     queues {@code MessageGroupId}, {@code MessageDeduplicationId}, {@code SequenceNumber}); the protocol keeps the
 *     ones the caller asked for
 */
public record ReceivedMessage(
        String messageId,
        String receiptHandle,
        String body,
        String md5OfBody,
        Map<String, MessageAttribute> attributes,
        String md5OfMessageAttributes,
        Map<String, String> systemAttributes) {

    public ReceivedMessage {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        systemAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(systemAttributes));
    }

    /** {@code ApproximateReceiveCount}: how many times the message has been received, this time included. */
    public int receiveCount() {
        return Integer.parseInt(systemAttributes.get("ApproximateReceiveCount"));
    }
}
