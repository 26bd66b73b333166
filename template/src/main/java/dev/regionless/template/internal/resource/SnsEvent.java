package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.SubscriptionSpec;
import java.util.Map;
import java.util.Set;

/**
 * A function's {@code SNS} event: the function subscribed to the topic ({@code Topic}, usually {@code !Ref}),
 * with its {@code FilterPolicy}, {@code FilterPolicyScope} and {@code RedrivePolicy}. Lambda invokes it
 * asynchronously with an {@code SNSEvent}.
 */
final class SnsEvent implements EventSource {
    private static final PropertyRules RULES = new PropertyRules(
            "an SNS event",
            Set.of("Topic", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy", "Region"),
            Map.of(),
            Map.of(
                    "SqsSubscription",
                    "a queue subscribed to the topic (AWS::SNS::Subscription) and an SQS event on the function"));

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        RULES.check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var region = context.resolver().context().region();
        properties.get("Region").ifPresent(node -> {
            if (!dev.regionless.template.internal.node.Values.string(node).equals(region)) {
                throw dev.regionless.template.internal.node.Values.unexpected(
                        node, region + ", the function's own region");
            }
        });
        var attributes = SubscriptionKind.attributes(properties, "lambda");
        var functionArn = "arn:aws:lambda:" + region + ":"
                + context.resolver().context().accountId() + ":function:" + function.functionName();
        context.addSubscription(new SubscriptionSpec(
                function.logicalId() + ".Events." + event.name(),
                properties.requiredString("Topic", "the topic's ARN, as !Ref Topic"),
                "lambda",
                functionArn,
                attributes));
    }
}
