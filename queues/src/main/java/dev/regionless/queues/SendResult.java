package dev.regionless.queues;

/**
 * What SendMessage answers: the message's id and the checksums the SDKs verify.
 *
 * @param messageId the message id (a UUID)
 * @param md5OfBody the hex MD5 of the body's UTF-8 bytes
 * @param md5OfMessageAttributes the hex MD5 of the message attributes in SQS's encoding, or {@code null} without any
 * @param md5OfSystemAttributes the hex MD5 of the system attributes ({@code AWSTraceHeader}), or {@code null}
 * @param sequenceNumber the FIFO sequence number (20 digits), or {@code null} on standard queues
 */
public record SendResult(
        String messageId,
        String md5OfBody,
        String md5OfMessageAttributes,
        String md5OfSystemAttributes,
        String sequenceNumber) {}
