package dev.regionless.events.topics.protocol;

import dev.regionless.events.topics.Subscription;
import dev.regionless.events.topics.Topics;
import java.util.Comparator;
import java.util.List;

/** Subscribe, Unsubscribe, ListSubscriptions(ByTopic) and Get/SetSubscriptionAttributes. */
final class SubscriptionActions {
    private final Topics topics;

    SubscriptionActions(Topics topics) {
        this.topics = topics;
    }

    String subscribe(SnsParams params) {
        var protocol = params.required("Protocol");
        var subscription = topics.subscribe(
                params.required("TopicArn"), protocol, params.string("Endpoint"), params.map("Attributes"));
        return new SnsXml().element("SubscriptionArn", subscription.arn()).toString();
    }

    String unsubscribe(SnsParams params) {
        topics.unsubscribe(params.required("SubscriptionArn"));
        return "";
    }

    String listSubscriptions(SnsParams params) {
        return list(topics.subscriptions(), params);
    }

    String listSubscriptionsByTopic(SnsParams params) {
        return list(topics.subscriptionsOf(params.required("TopicArn")), params);
    }

    private String list(List<Subscription> subscriptions, SnsParams params) {
        var sorted = subscriptions.stream()
                .sorted(Comparator.comparing(Subscription::arn))
                .toList();
        var page = Paging.page(sorted, Subscription::arn, params.string("NextToken"));
        var xml = new SnsXml().open("Subscriptions");
        page.items()
                .forEach(s -> xml.open("member")
                        .element("SubscriptionArn", s.arn())
                        .element("Owner", topics.accountId())
                        .element("Protocol", s.protocol())
                        .element("Endpoint", s.endpoint())
                        .element("TopicArn", s.topicArn())
                        .close("member"));
        return xml.close("Subscriptions").element("NextToken", page.nextToken()).toString();
    }

    String getSubscriptionAttributes(SnsParams params) {
        return new SnsXml()
                .map("Attributes", topics.subscriptionAttributes(params.required("SubscriptionArn")))
                .toString();
    }

    String setSubscriptionAttributes(SnsParams params) {
        topics.setSubscriptionAttribute(
                params.required("SubscriptionArn"), params.required("AttributeName"), params.string("AttributeValue"));
        return "";
    }
}
