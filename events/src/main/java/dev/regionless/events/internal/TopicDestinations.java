package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureDestinations;
import dev.regionless.events.FailureRecord;
import dev.regionless.events.topics.Publication;
import dev.regionless.events.topics.Topics;
import dev.regionless.functions.FunctionErrors;
import java.nio.charset.StandardCharsets;

/**
 * On-failure destinations that are topics of the region, as Lambda offers them: each discarded batch's record is
 * published as one message, which the topic fans out to its subscribers. Like Lambda, a topic that does not exist,
 * or a FIFO topic, is refused when the mapping is created.
 */
public final class TopicDestinations implements FailureDestinations {
    private final Topics topics;

    public TopicDestinations(Topics topics) {
        this.topics = requireNonNull(topics, "topics");
    }

    @Override
    public FailureDestination destination(String arn) {
        requireNonNull(arn, "arn");
        var prefix = topics.arn("");
        if (!arn.startsWith(prefix) || arn.length() == prefix.length()) {
            throw refused(
                    arn,
                    "a topic of this region such as " + topics.arn("NAME") + " (topics in other regions or accounts"
                            + " are not reachable from Regionless)");
        }
        var topic = topics.topic(arn)
                .orElseThrow(() -> refused(
                        arn,
                        "an existing topic; there is no topic " + arn.substring(prefix.length()) + " in "
                                + topics.region()));
        if (topic.fifo()) {
            throw refused(arn, "a standard topic; FIFO topics cannot be on-failure destinations");
        }
        return new TopicDestination(topics, arn);
    }

    private static dev.regionless.common.AwsException refused(String arn, String expected) {
        return FunctionErrors.invalidParameter(
                "DestinationConfig.OnFailure.Destination: " + arn + " (expected: " + expected + ")");
    }

    /**
     * Publishes the record; Publish's error (a topic deleted since, a store that is closing) reaches the mapping,
     * which tries again before it moves on.
     */
    private record TopicDestination(Topics topics, String topicArn) implements FailureDestination {
        @Override
        public void send(FailureRecord record) {
            topics.publish(topicArn, Publication.of(new String(record.toJsonBytes(), StandardCharsets.UTF_8)));
        }
    }
}
