package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.ReceiveOptions;
import dev.regionless.queues.ReceivedMessage;
import dev.regionless.queues.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** SendMessage, ReceiveMessage, DeleteMessage and ChangeMessageVisibility: one method per action. */
final class MessageActions {
    private static final java.util.regex.Pattern ATTEMPT_ID =
            java.util.regex.Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");

    private final QueueStore store;
    private final QueueActions queues;

    MessageActions(QueueStore store, QueueActions queues) {
        this.store = store;
        this.queues = queues;
    }

    ObjectNode sendMessage(Params params) {
        var name = queues.queue(params);
        var result = store.send(name, message(params));
        return sent(QueueActions.result(), result);
    }

    ObjectNode receiveMessage(Params params) {
        var name = queues.queue(params);
        var max = params.integer("MaxNumberOfMessages", 1, 10);
        var wait = params.integer("WaitTimeSeconds", 0, 20);
        var visibility = params.integer("VisibilityTimeout", 0, 43_200);
        var options = new ReceiveOptions(
                max == null ? 1 : max,
                wait == null ? null : Duration.ofSeconds(wait),
                visibility == null ? null : Duration.ofSeconds(visibility),
                params.stringList("MessageAttributeNames"),
                attemptId(params));
        var systemNames = new ArrayList<>(params.stringList("AttributeNames"));
        systemNames.addAll(params.stringList("MessageSystemAttributeNames"));
        var messages = store.receive(name, options);
        var result = QueueActions.result();
        if (!messages.isEmpty()) {
            var array = result.putArray("Messages");
            messages.forEach(message -> render(array.addObject(), message, systemNames));
        }
        return result;
    }

    /** At most 128 letters, digits and punctuation, as SQS allows. */
    private static String attemptId(Params params) {
        var id = params.string("ReceiveRequestAttemptId");
        if (id != null && !ATTEMPT_ID.matcher(id).matches()) {
            throw QueueErrors.invalidParameter(
                    "ReceiveRequestAttemptId", id, "1 to 128 letters, digits and punctuation marks expected.");
        }
        return id;
    }

    ObjectNode deleteMessage(Params params) {
        store.deleteMessage(queues.queue(params), params.required("ReceiptHandle"));
        return QueueActions.result();
    }

    ObjectNode changeMessageVisibility(Params params) {
        var name = queues.queue(params);
        var handle = params.required("ReceiptHandle");
        var timeout = params.integer("VisibilityTimeout");
        if (timeout == null) {
            throw QueueErrors.missingParameter("VisibilityTimeout");
        }
        store.changeVisibility(name, handle, timeout);
        return QueueActions.result();
    }

    /** The message a SendMessage or a SendMessageBatch entry describes. */
    static OutgoingMessage message(Params params) {
        var body = params.string("MessageBody");
        if (body == null) {
            throw QueueErrors.missingParameter("MessageBody");
        }
        var system = params.messageAttributes("MessageSystemAttributes");
        String trace = null;
        for (var entry : system.entrySet()) {
            if (!entry.getKey().equals("AWSTraceHeader")) {
                throw QueueErrors.invalidParameterMessage(
                        "Message system attribute name '" + entry.getKey() + "' is invalid (expected: AWSTraceHeader)");
            }
            trace = entry.getValue().stringValue();
        }
        return new OutgoingMessage(
                body,
                params.messageAttributes("MessageAttributes"),
                trace,
                params.integer("DelaySeconds"),
                params.string("MessageGroupId"),
                params.string("MessageDeduplicationId"));
    }

    static ObjectNode sent(ObjectNode out, SendResult result) {
        out.put("MD5OfMessageBody", result.md5OfBody());
        if (result.md5OfMessageAttributes() != null) {
            out.put("MD5OfMessageAttributes", result.md5OfMessageAttributes());
        }
        if (result.md5OfSystemAttributes() != null) {
            out.put("MD5OfMessageSystemAttributes", result.md5OfSystemAttributes());
        }
        out.put("MessageId", result.messageId());
        if (result.sequenceNumber() != null) {
            out.put("SequenceNumber", result.sequenceNumber());
        }
        return out;
    }

    private static void render(ObjectNode out, ReceivedMessage message, List<String> systemNames) {
        out.put("MessageId", message.messageId())
                .put("ReceiptHandle", message.receiptHandle())
                .put("MD5OfBody", message.md5OfBody())
                .put("Body", message.body());
        boolean all = systemNames.contains("All");
        var system = QueueActions.result();
        message.systemAttributes().forEach((name, value) -> {
            if (all || systemNames.contains(name)) {
                system.put(name, value);
            }
        });
        if (!system.isEmpty()) {
            out.set("Attributes", system);
        }
        if (!message.attributes().isEmpty()) {
            out.put("MD5OfMessageAttributes", message.md5OfMessageAttributes());
            var attributes = out.putObject("MessageAttributes");
            message.attributes().forEach((name, attribute) -> {
                var value = attributes.putObject(name);
                if (attribute.isBinary()) {
                    value.put("BinaryValue", Base64.getEncoder().encodeToString(attribute.binaryValue()));
                } else {
                    value.put("StringValue", attribute.stringValue());
                }
                value.put("DataType", attribute.dataType());
            });
        }
    }
}
