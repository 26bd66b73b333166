package dev.regionless.events.topics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.events.topics.Publication;
import dev.regionless.events.topics.Topic;
import dev.regionless.events.topics.TopicErrors;
import dev.regionless.queues.MessageAttribute;
import java.io.IOException;
import java.util.regex.Pattern;

/** SNS's checks on a message before a topic accepts it: message, subject, structure, attributes, FIFO ids. */
public final class PublicationRules {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\.[A-Za-z0-9_.-]+)?");
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private PublicationRules() {}

    /** Checks {@code publication} for {@code topic}; answers SNS's error for the first problem. */
    public static void check(Topic topic, Publication publication) {
        var message = publication.message();
        if (message == null) {
            throw TopicErrors.invalidParameter("Message", null, "a message to publish");
        }
        if (message.isEmpty()) {
            throw TopicErrors.invalidParameter("Message", "\"\" (Empty message)", "a message of at least 1 byte");
        }
        checkSubject(publication.subject());
        if (publication.messageStructure() != null) {
            structured(publication);
        }
        long size = message.getBytes(UTF_8).length;
        for (var entry : publication.attributes().entrySet()) {
            checkAttribute(entry.getKey(), entry.getValue());
            size += attributeSize(entry.getKey(), entry.getValue());
        }
        if (size > topic.maximumMessageSize()) {
            throw TopicErrors.invalidParameter(
                    "Message",
                    "too long, " + size + " bytes with its attributes",
                    "at most " + topic.maximumMessageSize() + " bytes (the topic's MaximumMessageSize)");
        }
        checkFifo(topic, publication);
    }

    /** The message and attributes' size as SNS counts it against {@code MaximumMessageSize}. */
    public static long size(Publication publication) {
        long size = publication.message() == null ? 0 : publication.message().getBytes(UTF_8).length;
        for (var entry : publication.attributes().entrySet()) {
            size += attributeSize(entry.getKey(), entry.getValue());
        }
        return size;
    }

    private static long attributeSize(String name, MessageAttribute attribute) {
        long size = name.getBytes(UTF_8).length + attribute.dataType().getBytes(UTF_8).length;
        if (attribute.binaryValue() != null) {
            size += attribute.binaryValue().length;
        } else if (attribute.stringValue() != null) {
            size += attribute.stringValue().getBytes(UTF_8).length;
        }
        return size;
    }

    private static void checkSubject(String subject) {
        if (subject == null) {
            return;
        }
        boolean printable = subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        if (subject.isEmpty() || subject.length() > 100 || !printable) {
            throw TopicErrors.invalidParameter(
                    "Subject", subject, "1 to 100 printable ASCII characters, with no line breaks");
        }
    }

    /** With {@code MessageStructure=json}: the message for {@code protocol}, else its {@code default}. */
    public static String messageFor(Publication publication, String protocol) {
        if (publication.messageStructure() == null) {
            return publication.message();
        }
        var node = structured(publication);
        var specific = node.get(protocol);
        return specific != null && specific.isTextual()
                ? specific.asText()
                : node.get("default").asText();
    }

    private static JsonNode structured(Publication publication) {
        if (!publication.messageStructure().equals("json")) {
            throw TopicErrors.invalidParameter("MessageStructure", publication.messageStructure(), "json");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(publication.message());
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw TopicErrors.invalidParameter(
                    "Message", publication.message(), "a JSON object with MessageStructure json");
        }
        if (!node.path("default").isTextual()) {
            throw TopicErrors.invalidParameterReason(
                    "Message Structure", "No default entry in JSON message body (expected: a \"default\" string)");
        }
        return node;
    }

    private static void checkAttribute(String name, MessageAttribute attribute) {
        if (!ATTRIBUTE_NAME.matcher(name).matches()
                || name.startsWith(".")
                || name.endsWith(".")
                || name.contains("..")
                || name.toLowerCase(java.util.Locale.ROOT).startsWith("aws.")
                || name.toLowerCase(java.util.Locale.ROOT).startsWith("amazon.")) {
            throw TopicErrors.invalidParameterValue("The message attribute name '" + name + "' is invalid (expected:"
                    + " 1 to 256 letters, digits, '_', '-' and '.', not starting with AWS. or Amazon.)");
        }
        if (!DATA_TYPE.matcher(attribute.dataType()).matches()) {
            throw TopicErrors.invalidParameterValue("The message attribute '" + name + "' has an invalid message"
                    + " attribute type: " + attribute.dataType() + " (expected: String, String.Array, Number or"
                    + " Binary)");
        }
        var base = attribute.baseType();
        if (base.equals("Binary") ? attribute.binaryValue() == null : attribute.stringValue() == null) {
            throw TopicErrors.invalidParameterValue("The message attribute '" + name + "' must contain non-empty"
                    + " message attribute value for message attribute type '" + base + "'.");
        }
        if (base.equals("Number")) {
            try {
                new java.math.BigDecimal(attribute.stringValue().trim());
            } catch (NumberFormatException e) {
                throw TopicErrors.invalidParameterValue("The message attribute '" + name + "' with type 'Number'"
                        + " must have a numeric value: " + attribute.stringValue());
            }
        }
        if (attribute.dataType().equals("String.Array")) {
            JsonNode array;
            try {
                array = Json.mapper().readTree(attribute.stringValue());
            } catch (IOException e) {
                array = null;
            }
            if (array == null || !array.isArray()) {
                throw TopicErrors.invalidParameterValue("The message attribute '" + name + "' with type"
                        + " 'String.Array' must be a JSON array: " + attribute.stringValue());
            }
        }
    }

    private static void checkFifo(Topic topic, Publication publication) {
        if (!topic.fifo()) {
            if (publication.deduplicationId() != null) {
                throw TopicErrors.invalidParameter(
                        "MessageDeduplicationId",
                        publication.deduplicationId(),
                        "no deduplication id on a standard" + " topic; it is for FIFO topics only");
            }
            return;
        }
        if (publication.groupId() == null) {
            throw TopicErrors.invalidParameter("MessageGroupId", null, "a MessageGroupId, required for FIFO topics");
        }
        if (!FIFO_ID.matcher(publication.groupId()).matches()) {
            throw TopicErrors.invalidParameter(
                    "MessageGroupId", publication.groupId(), "1 to 128 printable ASCII characters");
        }
        if (publication.deduplicationId() == null && !topic.contentBasedDeduplication()) {
            throw TopicErrors.invalidParameter(
                    "MessageDeduplicationId", null, "a deduplication id, or a topic with ContentBasedDeduplication");
        }
        if (publication.deduplicationId() != null
                && !FIFO_ID.matcher(publication.deduplicationId()).matches()) {
            throw TopicErrors.invalidParameter(
                    "MessageDeduplicationId", publication.deduplicationId(), "1 to 128 printable ASCII characters");
        }
    }
}
