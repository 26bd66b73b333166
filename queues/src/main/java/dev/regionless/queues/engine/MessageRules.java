package dev.regionless.queues.engine;

import dev.regionless.queues.MessageAttribute;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueAttributes;
import dev.regionless.queues.QueueErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** What SQS checks in a message before it accepts it, with its own error for each. */
final class MessageRules {
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern GROUP_OR_DEDUPLICATION_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_ATTRIBUTES = 10;

    private MessageRules() {}

    /** Checks {@code message} for a queue with {@code settings}; answers its size as SQS counts it. */
    static int check(OutgoingMessage message, QueueAttributes settings) {
        if (message.body().isEmpty()) {
            throw QueueErrors.invalidParameter("MessageBody", "\"\"", "Empty message (expected: 1 character or more)");
        }
        checkCharacters(message.body());
        int size = message.body().getBytes(StandardCharsets.UTF_8).length + attributesSize(message.attributes());
        if (size > settings.maximumMessageSize()) {
            throw QueueErrors.invalidParameterMessage("One or more parameters are invalid. Reason: Message must be "
                    + "shorter than " + settings.maximumMessageSize() + " bytes (this one has " + size + ").");
        }
        if (message.delaySeconds() != null) {
            if (settings.fifo()) {
                throw QueueErrors.invalidParameter(
                        "DelaySeconds",
                        message.delaySeconds(),
                        "The request include parameter that is not valid for this queue type (expected: a delay "
                                + "set on the FIFO queue, not on its messages)");
            }
            if (message.delaySeconds() < 0 || message.delaySeconds() > 900) {
                throw QueueErrors.invalidParameter(
                        "DelaySeconds", message.delaySeconds(), "must be between 0 and 900 seconds, if provided.");
            }
        }
        checkFifoIds(message, settings);
        return size;
    }

    private static void checkFifoIds(OutgoingMessage message, QueueAttributes settings) {
        if (message.groupId() != null
                && !GROUP_OR_DEDUPLICATION_ID.matcher(message.groupId()).matches()) {
            throw QueueErrors.invalidParameter(
                    "MessageGroupId", message.groupId(), "1 to 128 printable ASCII characters expected");
        }
        if (message.deduplicationId() != null
                && !GROUP_OR_DEDUPLICATION_ID.matcher(message.deduplicationId()).matches()) {
            throw QueueErrors.invalidParameter(
                    "MessageDeduplicationId",
                    message.deduplicationId(),
                    "1 to 128 printable ASCII characters expected");
        }
        if (!settings.fifo()) {
            if (message.deduplicationId() != null) {
                throw QueueErrors.invalidParameter(
                        "MessageDeduplicationId",
                        message.deduplicationId(),
                        "The request include parameter that is not valid for this queue type (expected: a FIFO "
                                + "queue)");
            }
            return;
        }
        if (message.groupId() == null) {
            throw QueueErrors.missingParameter("MessageGroupId");
        }
        if (message.deduplicationId() == null && !settings.contentBasedDeduplication()) {
            throw QueueErrors.invalidParameterMessage("The queue should either have ContentBasedDeduplication enabled "
                    + "or MessageDeduplicationId provided explicitly");
        }
    }

    /** SQS's allowed characters: #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD, #x10000 to #x10FFFF. */
    static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw QueueErrors.invalidMessageContents(String.format(
                        "#x%X at index %d (expected: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to"
                                + " #x10FFFF)",
                        c, i));
            }
            i += Character.charCount(c);
        }
    }

    /** Checks message attributes and answers their size: names, data types and values, in bytes. */
    static int attributesSize(Map<String, MessageAttribute> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw QueueErrors.invalidParameterMessage("Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        int size = 0;
        for (var entry : attributes.entrySet()) {
            var name = entry.getKey();
            checkName(name);
            var attribute = entry.getValue();
            checkValue(name, attribute);
            size += utf8(name) + utf8(attribute.dataType());
            size += attribute.isBinary() ? attribute.binaryValue().length : utf8(attribute.stringValue());
        }
        return size;
    }

    private static void checkName(String name) {
        var lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!ATTRIBUTE_NAME.matcher(name).matches()
                || name.startsWith(".")
                || name.endsWith(".")
                || name.contains("..")
                || lower.startsWith("aws.")
                || lower.startsWith("amazon.")) {
            throw QueueErrors.invalidParameterMessage("Message (user) attribute name '" + name + "' is invalid "
                    + "(expected: up to 256 letters, digits, '_', '-' or '.', not starting with AWS. or Amazon., "
                    + "with no leading, trailing or doubled '.')");
        }
    }

    private static void checkValue(String name, MessageAttribute attribute) {
        var base = attribute.baseType();
        var custom = attribute.dataType().substring(base.length());
        if (!(base.equals("String") || base.equals("Number") || base.equals("Binary"))
                || (!custom.isEmpty() && custom.length() < 2)
                || attribute.dataType().length() > 256) {
            throw QueueErrors.invalidParameterMessage("The type of message (user) attribute '" + name + "' is invalid: "
                    + attribute.dataType() + " (expected: Binary, Number or String, optionally with a .suffix)");
        }
        if (attribute.isBinary()) {
            if (attribute.binaryValue() == null || attribute.binaryValue().length == 0) {
                throw QueueErrors.invalidParameterMessage(
                        "Message (user) attribute '" + name + "' must contain a non-empty value of type 'Binary'.");
            }
            return;
        }
        var value = attribute.stringValue();
        if (value == null || value.isEmpty()) {
            throw QueueErrors.invalidParameterMessage(
                    "Message (user) attribute '" + name + "' must contain a non-empty value of type '" + base + "'.");
        }
        checkCharacters(value);
        if (base.equals("Number")) {
            try {
                new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw QueueErrors.invalidParameterMessage(
                        "Can't cast the value of message (user) attribute '" + name + "' to a number: " + value);
            }
        }
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
