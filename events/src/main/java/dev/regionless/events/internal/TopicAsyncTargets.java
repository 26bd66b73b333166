package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.events.AsyncTargets;
import dev.regionless.events.topics.Publication;
import dev.regionless.events.topics.Topics;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.queues.MessageAttribute;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topics of the region as asynchronous invocation targets, as Lambda offers them: a record, or a dead letter with
 * its attributes, is published as one message and fans out to the topic's subscribers. A topic that does not exist,
 * or a FIFO topic, is refused when the setting is made.
 */
public final class TopicAsyncTargets implements AsyncTargets {
    private final Topics topics;

    public TopicAsyncTargets(Topics topics) {
        this.topics = requireNonNull(topics, "topics");
    }

    @Override
    public void checkDestination(String parameter, String arn) {
        check(parameter, arn);
    }

    @Override
    public void checkDeadLetter(String parameter, String arn) {
        check(parameter, arn);
    }

    @Override
    public void sendRecord(String arn, byte[] record) {
        topics.publish(arn, Publication.of(new String(record, StandardCharsets.UTF_8)));
    }

    @Override
    public void sendDeadLetter(String arn, byte[] payload, Map<String, String> attributes) {
        var messageAttributes = new LinkedHashMap<String, MessageAttribute>();
        attributes.forEach((name, value) -> messageAttributes.put(name, MessageAttribute.string(value)));
        topics.publish(
                arn,
                new Publication(
                        new String(payload, StandardCharsets.UTF_8), null, null, messageAttributes, null, null));
    }

    private void check(String parameter, String arn) {
        requireNonNull(arn, "arn");
        var prefix = topics.arn("");
        if (!arn.startsWith(prefix) || arn.length() == prefix.length()) {
            throw refused(parameter, arn, "a topic of this region such as " + topics.arn("NAME"));
        }
        var topic = topics.topic(arn)
                .orElseThrow(() -> refused(
                        parameter,
                        arn,
                        "an existing topic; there is no topic " + arn.substring(prefix.length()) + " in "
                                + topics.region()));
        if (topic.fifo()) {
            throw refused(parameter, arn, "a standard topic; Lambda does not deliver to FIFO topics");
        }
    }

    private static AwsException refused(String parameter, String arn, String expected) {
        return FunctionErrors.invalidParameter(parameter + ": " + arn + " (expected: " + expected + ")");
    }
}
