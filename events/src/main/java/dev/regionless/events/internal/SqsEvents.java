package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.queues.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Builds Lambda's SQS events, {@code {"Records":[...]}}, from received messages, in the shape of
 * aws-lambda-java-events' {@code SQSEvent}: each record has the message's id, receipt handle, body, system
 * attributes (as strings, as Lambda passes them), message attributes, MD5s, {@code eventSource} {@code aws:sqs},
 * {@code eventSourceARN} and {@code awsRegion}.
 */
final class SqsEvents {
    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);
    /** The system attributes Lambda passes on; others the queue keeps (DeadLetterQueueSourceArn) it leaves out. */
    private static final Set<String> SYSTEM_ATTRIBUTES = Set.of(
            "ApproximateReceiveCount",
            "SentTimestamp",
            "SenderId",
            "ApproximateFirstReceiveTimestamp",
            "MessageGroupId",
            "MessageDeduplicationId",
            "SequenceNumber",
            "AWSTraceHeader");

    private final String queueArn;
    private final String region;
    private final int maxPayloadBytes;

    SqsEvents(String queueArn, String region) {
        this(queueArn, region, DynamodbEvents.MAX_PAYLOAD_BYTES);
    }

    SqsEvents(String queueArn, String region, int maxPayloadBytes) {
        this.queueArn = requireNonNull(queueArn, "queueArn");
        this.region = requireNonNull(region, "region");
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * The event for the longest run of {@code messages}, from the first, that fits Lambda's payload limit; always at
     * least the first message, since one message (1 MiB at most) cannot exceed it.
     */
    QueueBatch batch(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages: [] (expected: at least one)");
        }
        var included = new ArrayList<ReceivedMessage>();
        var payload = new ByteArrayOutputStream();
        payload.writeBytes(HEAD);
        for (var message : messages) {
            byte[] json = write(message);
            int separator = included.isEmpty() ? 0 : 1;
            if (!included.isEmpty() && payload.size() + separator + json.length + TAIL.length > maxPayloadBytes) {
                break;
            }
            if (separator == 1) {
                payload.write(',');
            }
            payload.writeBytes(json);
            included.add(message);
        }
        payload.writeBytes(TAIL);
        return new QueueBatch(included, messages.subList(included.size(), messages.size()), payload.toByteArray());
    }

    private byte[] write(ReceivedMessage message) {
        try {
            return Json.mapper().writeValueAsBytes(record(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of the event, as the function sees it and as filter patterns match it. */
    ObjectNode record(ReceivedMessage message) {
        var record = Json.mapper().createObjectNode();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        var attributes = record.putObject("attributes");
        message.systemAttributes().forEach((name, value) -> {
            if (SYSTEM_ATTRIBUTES.contains(name)) {
                attributes.put(name, value);
            }
        });
        var messageAttributes = record.putObject("messageAttributes");
        message.attributes().forEach((name, attribute) -> {
            ObjectNode node = messageAttributes.putObject(name);
            if (attribute.isBinary()) {
                node.put("binaryValue", Base64.getEncoder().encodeToString(attribute.binaryValue()));
            } else {
                node.put("stringValue", attribute.stringValue());
            }
            node.putArray("stringListValues");
            node.putArray("binaryListValues");
            node.put("dataType", attribute.dataType());
        });
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("md5OfBody", message.md5OfBody());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", region);
        return record;
    }
}
