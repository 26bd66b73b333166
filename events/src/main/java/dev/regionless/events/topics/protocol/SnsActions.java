package dev.regionless.events.topics.protocol;

import java.util.Set;

/** Actions only SNS has, to recognise an SNS query request that carries no {@code Version}. */
final class SnsActions {
    private static final Set<String> ACTIONS = Set.of(
            "CreateTopic",
            "DeleteTopic",
            "ListTopics",
            "GetTopicAttributes",
            "SetTopicAttributes",
            "Subscribe",
            "Unsubscribe",
            "ConfirmSubscription",
            "ListSubscriptions",
            "ListSubscriptionsByTopic",
            "GetSubscriptionAttributes",
            "SetSubscriptionAttributes",
            "Publish",
            "PublishBatch",
            "TagResource",
            "UntagResource",
            "ListTagsForResource");

    private SnsActions() {}

    static boolean isSns(String action) {
        return ACTIONS.contains(action);
    }
}
