package dev.regionless.queues;

import java.time.Duration;
import java.util.List;

/**
 * How to receive: how many messages at most, how long to wait for the first, and for how long to hide them.
 *
 * @param maxMessages 1 to 10
 * @param waitTime 0 to 20 s of long polling; {@code null} for the queue's {@code ReceiveMessageWaitTimeSeconds}
 * @param visibilityTimeout 0 to 12 h; {@code null} for the queue's {@code VisibilityTimeout}
 * @param messageAttributeNames which message attributes to return: names, {@code prefix.*}, or {@code All}/{@code .*}
 * @param receiveRequestAttemptId FIFO queues: a retry with the same id within five minutes answers the same messages
 *     and receipt handles, if none was changed since; {@code null} for none (standard queues ignore it)
 */
public record ReceiveOptions(
        int maxMessages,
        Duration waitTime,
        Duration visibilityTimeout,
        List<String> messageAttributeNames,
        String receiveRequestAttemptId) {

    public ReceiveOptions {
        messageAttributeNames = List.copyOf(messageAttributeNames);
    }

    /** Options without a receive request attempt id. */
    public ReceiveOptions(
            int maxMessages, Duration waitTime, Duration visibilityTimeout, List<String> messageAttributeNames) {
        this(maxMessages, waitTime, visibilityTimeout, messageAttributeNames, null);
    }

    /** Up to {@code max} messages, the queue's wait time and visibility timeout, every message attribute. */
    public static ReceiveOptions of(int max) {
        return new ReceiveOptions(max, null, null, List.of("All"));
    }

    public ReceiveOptions waiting(Duration wait) {
        return new ReceiveOptions(maxMessages, wait, visibilityTimeout, messageAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveOptions hidingFor(Duration timeout) {
        return new ReceiveOptions(maxMessages, waitTime, timeout, messageAttributeNames, receiveRequestAttemptId);
    }

    public ReceiveOptions withAttributeNames(List<String> names) {
        return new ReceiveOptions(maxMessages, waitTime, visibilityTimeout, names, receiveRequestAttemptId);
    }

    public ReceiveOptions withAttemptId(String attemptId) {
        return new ReceiveOptions(maxMessages, waitTime, visibilityTimeout, messageAttributeNames, attemptId);
    }
}
