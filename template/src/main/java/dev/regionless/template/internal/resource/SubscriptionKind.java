package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import dev.regionless.template.SubscriptionSpec;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::SNS::Subscription}: a queue or function of the region subscribed to a topic, with its
 * {@code RawMessageDelivery}, {@code FilterPolicy} (a mapping or JSON text), {@code FilterPolicyScope} and
 * {@code RedrivePolicy}. Its {@code Ref} (the subscription's ARN) is known only once it exists, so it is refused.
 */
final class SubscriptionKind implements ResourceKind {
    static final String TYPE = "AWS::SNS::Subscription";
    private static final List<String> PROTOCOLS = List.of("sqs", "lambda");

    static final PropertyRules RULES = new PropertyRules(
            TYPE,
            Set.of(
                    "TopicArn",
                    "Protocol",
                    "Endpoint",
                    "RawMessageDelivery",
                    "FilterPolicy",
                    "FilterPolicyScope",
                    "RedrivePolicy",
                    "Region"),
            Map.ofEntries(
                    entry("DeliveryPolicy", "queues and functions use SNS's fixed retry policy for AWS endpoints"),
                    entry("SubscriptionRoleArn", "Regionless checks no IAM permissions"),
                    entry("ReplayPolicy", "messages are not archived for replay")),
            Map.of());

    @Override
    public Node ref(ResourceEntry resource, Location usedAt, Resolver resolver) {
        throw usedAt.error("Ref: the ARN of subscription " + resource.logicalId() + " is known only once it exists"
                + " (expected: a reference to the topic or the endpoint instead)");
    }

    @Override
    public Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver) {
        throw ResourceKind.noSuchAttribute(resource, attribute, usedAt, "no attributes");
    }

    @Override
    public void read(ResourceEntry resource, ReadContext context) {
        RULES.check(resource.properties(), context);
        var properties = new Properties(resource.properties(), context.resolver());
        properties.get("Region").ifPresent(node -> {
            if (!Values.string(node).equals(context.resolver().context().region())) {
                throw Values.unexpected(node, context.resolver().context().region() + ", the topic's own region");
            }
        });
        var protocol = protocol(properties.required("Protocol", "sqs or lambda"));
        var attributes = attributes(properties, protocol);
        context.addSubscription(new SubscriptionSpec(
                resource.logicalId(),
                properties.requiredString("TopicArn", "the topic's ARN, as !Ref Topic"),
                protocol,
                properties.requiredString("Endpoint", "the queue's or function's ARN, as !GetAtt Queue.Arn"),
                attributes));
    }

    /** The subscription attributes a subscription or SNS event sets, as SNS stores them. */
    static Map<String, String> attributes(Properties properties, String protocol) {
        var attributes = new LinkedHashMap<String, String>();
        properties.get("RawMessageDelivery").ifPresent(node -> {
            boolean raw = Values.bool(node);
            if (raw && !protocol.equals("sqs")) {
                throw node.location().error("is for sqs subscriptions (expected: false, or Protocol: sqs)");
            }
            attributes.put("RawMessageDelivery", Boolean.toString(raw));
        });
        properties
                .get("FilterPolicy")
                .ifPresent(node -> attributes.put(
                        "FilterPolicy",
                        NodeJson.policy(node, "a filter policy: a mapping of attribute names to lists of conditions")));
        properties.get("FilterPolicyScope").ifPresent(node -> {
            var scope = Values.string(node);
            if (!scope.equals("MessageAttributes") && !scope.equals("MessageBody")) {
                throw Values.unexpected(node, "MessageAttributes or MessageBody");
            }
            attributes.put("FilterPolicyScope", scope);
        });
        properties
                .get("RedrivePolicy")
                .ifPresent(node -> attributes.put(
                        "RedrivePolicy", NodeJson.policy(node, "{deadLetterTargetArn: the dead-letter queue's ARN}")));
        return attributes;
    }

    static String protocol(Node node) {
        var protocol = Values.string(node);
        if (!PROTOCOLS.contains(protocol)) {
            throw Values.unexpected(node, "sqs or lambda; Regionless delivers to queues and functions only");
        }
        return protocol;
    }
}
