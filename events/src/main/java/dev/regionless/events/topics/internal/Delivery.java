package dev.regionless.events.topics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.queues.MessageAttribute;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;

/**
 * A notification owed to one subscriber, kept in the database from the publish that created it until the subscriber
 * has it (or its retries are exhausted).
 *
 * @param number the delivery's key: increasing in publish order, which FIFO topics deliver in
 * @param subscriptionArn the subscriber
 * @param notice what it receives
 * @param failures the failed attempts so far
 * @param due when the next attempt may start
 */
public record Delivery(long number, String subscriptionArn, Notice notice, int failures, Instant due) {

    /** Deliveries of one FIFO message group to one subscriber go one at a time, in order; others in parallel. */
    String lane() {
        return notice.groupId() == null || notice.sequenceNumber() == null
                ? null
                : subscriptionArn + "\n" + notice.groupId();
    }

    Delivery failedOnce(Instant next) {
        return new Delivery(number, subscriptionArn, notice, failures + 1, next);
    }

    byte[] key() {
        return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
    }

    byte[] toBytes() {
        var node = Json.mapper().createObjectNode();
        node.put("subscriptionArn", subscriptionArn);
        node.put("failures", failures);
        node.put("due", due.toEpochMilli());
        node.put("messageId", notice.messageId());
        node.put("topicArn", notice.topicArn());
        node.put("timestamp", notice.timestamp().toEpochMilli());
        node.put("subject", notice.subject());
        node.put("message", notice.message());
        node.put("groupId", notice.groupId());
        node.put("deduplicationId", notice.deduplicationId());
        node.put("sequenceNumber", notice.sequenceNumber());
        var attributes = node.putObject("attributes");
        notice.attributes().forEach((name, value) -> {
            var attribute = attributes.putObject(name);
            attribute.put("DataType", value.dataType());
            attribute.put("StringValue", value.stringValue());
            if (value.binaryValue() != null) {
                attribute.put("BinaryValue", Base64.getEncoder().encodeToString(value.binaryValue()));
            }
        });
        return node.toString().getBytes(UTF_8);
    }

    static Delivery fromBytes(byte[] key, byte[] value) {
        var node = TopicCatalog.read(value);
        var attributes = new LinkedHashMap<String, MessageAttribute>();
        node.path("attributes").properties().forEach(e -> {
            var binary = e.getValue().path("BinaryValue");
            attributes.put(
                    e.getKey(),
                    new MessageAttribute(
                            e.getValue().path("DataType").asText(),
                            e.getValue().path("StringValue").textValue(),
                            binary.isTextual() ? Base64.getDecoder().decode(binary.asText()) : null));
        });
        var notice = new Notice(
                node.get("messageId").asText(),
                node.get("topicArn").asText(),
                Instant.ofEpochMilli(node.get("timestamp").asLong()),
                text(node, "subject"),
                node.get("message").asText(),
                attributes,
                text(node, "groupId"),
                text(node, "deduplicationId"),
                text(node, "sequenceNumber"));
        return new Delivery(
                ByteBuffer.wrap(key).getLong(),
                node.get("subscriptionArn").asText(),
                notice,
                node.path("failures").asInt(),
                Instant.ofEpochMilli(node.get("due").asLong()));
    }

    private static String text(JsonNode node, String name) {
        return node.path(name).textValue();
    }
}
