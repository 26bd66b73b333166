package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.events.AsyncTargets;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.Functions;
import dev.regionless.queues.MessageAttribute;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The asynchronous invocation targets of a region: its standard queues (records and dead letters) and its functions
 * (records, invoked asynchronously as Lambda does), and its topics through the targets the region passes. EventBridge
 * buses are refused, as Regionless has none.
 */
public final class RegionAsyncTargets implements AsyncTargets {
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]{1,64})(:\\$LATEST)?");

    private final Functions functions;
    private final QueueStore queues;
    private final AsyncTargets topics;

    public RegionAsyncTargets(Functions functions, QueueStore queues, AsyncTargets topics) {
        this.functions = requireNonNull(functions, "functions");
        this.queues = requireNonNull(queues, "queues");
        this.topics = topics;
    }

    @Override
    public void checkDestination(String parameter, String arn) {
        requireNonNull(arn, "arn");
        if (arn.startsWith("arn:aws:sqs:")) {
            queueName(parameter, arn);
        } else if (arn.startsWith("arn:aws:sns:")) {
            topics(parameter, arn).checkDestination(parameter, arn);
        } else if (arn.startsWith("arn:aws:events:")) {
            throw refused(
                    parameter,
                    arn,
                    "a queue or function ARN; EventBridge destinations are not supported by" + " Regionless");
        } else {
            functionName(parameter, arn);
        }
    }

    @Override
    public void checkDeadLetter(String parameter, String arn) {
        requireNonNull(arn, "arn");
        if (arn.startsWith("arn:aws:sns:")) {
            topics(parameter, arn).checkDeadLetter(parameter, arn);
        } else if (arn.startsWith("arn:aws:sqs:")) {
            queueName(parameter, arn);
        } else {
            throw refused(parameter, arn, "the ARN of a queue or topic of this region");
        }
    }

    @Override
    public void sendRecord(String arn, byte[] record) {
        if (arn.startsWith("arn:aws:sqs:")) {
            queues.send(queueName("Destination", arn), OutgoingMessage.of(new String(record, StandardCharsets.UTF_8)));
        } else if (arn.startsWith("arn:aws:sns:")) {
            topics("Destination", arn).sendRecord(arn, record);
        } else {
            // A function destination is invoked asynchronously, so the record is itself retried if it fails.
            functions.invokeAsync(functionName("Destination", arn), record);
        }
    }

    @Override
    public void sendDeadLetter(String arn, byte[] payload, Map<String, String> attributes) {
        if (arn.startsWith("arn:aws:sns:")) {
            topics("DeadLetterConfig.TargetArn", arn).sendDeadLetter(arn, payload, attributes);
            return;
        }
        var messageAttributes = new LinkedHashMap<String, MessageAttribute>();
        attributes.forEach((name, value) -> messageAttributes.put(name, MessageAttribute.string(value)));
        var message =
                OutgoingMessage.of(new String(payload, StandardCharsets.UTF_8)).withAttributes(messageAttributes);
        queues.send(queueName("DeadLetterConfig.TargetArn", arn), message);
    }

    private String queueName(String parameter, String arn) {
        var name = queues.nameOf(arn)
                .orElseThrow(() -> refused(parameter, arn, "a queue of this region such as " + queues.arn("NAME")));
        var queue = queues.queue(name)
                .orElseThrow(() -> refused(
                        parameter, arn, "an existing queue; there is no queue " + name + " in " + queues.region()));
        if (queue.isFifo()) {
            throw refused(parameter, arn, "a standard queue; Lambda does not deliver to FIFO queues");
        }
        return name;
    }

    private String functionName(String parameter, String arn) {
        var matcher = FUNCTION_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw refused(
                    parameter,
                    arn,
                    "a queue or function ARN such as arn:aws:lambda:" + queues.region()
                            + ":123456789012:function:NAME");
        }
        if (!matcher.group(1).equals(queues.region())) {
            throw refused(parameter, arn, "a function in " + queues.region());
        }
        var name = matcher.group(3);
        if (functions.function(name).isEmpty()) {
            throw refused(parameter, arn, "a deployed function; there is no function " + name);
        }
        return name;
    }

    private AsyncTargets topics(String parameter, String arn) {
        if (topics == null) {
            throw refused(parameter, arn, "a queue or function ARN; topics are not supported by Regionless yet");
        }
        return topics;
    }

    private static AwsException refused(String parameter, String arn, String expected) {
        return FunctionErrors.invalidParameter(parameter + ": " + arn + " (expected: " + expected + ")");
    }
}
