package dev.regionless.region.internal;

import dev.regionless.common.AwsException;
import dev.regionless.events.topics.Topics;
import dev.regionless.template.SubscriptionSpec;
import dev.regionless.template.TopicSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a region's topics in line with a template: creates the topics that do not exist yet, sets the attributes and
 * tags of those that do, and subscribes each subscription's endpoint (updating the attributes of one already
 * subscribed). Topics and subscriptions a template no longer declares are kept, as are the deliveries they owe:
 * subscriptions made through the API are indistinguishable from a template's.
 */
public final class TopicDeployer {
    /** The attributes a template may set on a topic; the others keep what the API set. */
    private static final Set<String> TEMPLATE_TOPIC_ATTRIBUTES = Set.of(
            "DisplayName", "SignatureVersion", "TracingConfig", "FifoThroughputScope", "ContentBasedDeduplication");

    private final Topics topics;

    public TopicDeployer(Topics topics) {
        this.topics = topics;
    }

    /**
     * Creates or updates every topic, then every subscription.
     *
     * @throws AwsException naming the topic's logical id or the subscription's source when SNS refuses it
     */
    public void deploy(List<TopicSpec> specs, List<SubscriptionSpec> subscriptions) {
        for (var spec : specs) {
            guarded("topic " + spec.logicalId() + " (" + spec.topicName() + ")", () -> apply(spec));
        }
        for (var subscription : subscriptions) {
            guarded("subscription " + subscription.source(), () -> subscribe(subscription));
        }
    }

    private void apply(TopicSpec spec) {
        var arn = topics.arn(spec.topicName());
        var existing = topics.topic(arn);
        if (existing.isEmpty()) {
            topics.createTopic(spec.topicName(), spec.attributes(), spec.tags());
            return;
        }
        if (existing.get().fifo() != spec.fifo()) {
            throw new AwsException(
                    "ValidationException",
                    400,
                    "FifoTopic cannot change on an existing topic (expected: a new topic name to change it)");
        }
        for (var name : TEMPLATE_TOPIC_ATTRIBUTES) {
            if (name.equals("ContentBasedDeduplication") && !spec.fifo()
                    || name.equals("FifoThroughputScope") && !spec.fifo()) {
                continue;
            }
            var wanted = spec.attributes().getOrDefault(name, "");
            if (!wanted.equals(existing.get().attributes().getOrDefault(name, ""))) {
                topics.setTopicAttribute(arn, name, wanted);
            }
        }
        var stale = new ArrayList<>(existing.get().tags().keySet());
        stale.removeAll(spec.tags().keySet());
        if (!stale.isEmpty()) {
            topics.untagTopic(arn, stale);
        }
        if (!spec.tags().isEmpty()) {
            topics.tagTopic(arn, spec.tags());
        }
    }

    private void subscribe(SubscriptionSpec spec) {
        var existing = topics.subscriptionsOf(spec.topicArn()).stream()
                .filter(s ->
                        s.protocol().equals(spec.protocol()) && s.endpoint().equals(spec.endpoint()))
                .findFirst();
        if (existing.isEmpty()) {
            topics.subscribe(spec.topicArn(), spec.protocol(), spec.endpoint(), spec.attributes());
            return;
        }
        var current = existing.get().attributes();
        var names = new HashSet<>(current.keySet());
        names.addAll(spec.attributes().keySet());
        for (var name : names) {
            var wanted = spec.attributes().getOrDefault(name, "");
            if (!wanted.equals(current.getOrDefault(name, ""))) {
                topics.setSubscriptionAttribute(existing.get().arn(), name, wanted);
            }
        }
    }

    private static void guarded(String what, Runnable change) {
        try {
            change.run();
        } catch (AwsException e) {
            throw new AwsException(e.code(), e.status(), what + ": " + e.getMessage(), Map.of());
        }
    }
}
