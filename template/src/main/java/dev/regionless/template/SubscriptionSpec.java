package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription to a topic, from an {@code AWS::SNS::Subscription}, an entry of a topic's {@code Subscription}
 * list, or a function's {@code SNS} event.
 *
 * @param source where the template declares it ({@code Orders.Subscription[0]}, {@code OrdersToAudit}, {@code
 *     Consumer.Events.OnOrder}), named in deploy errors
 * @param topicArn the topic's ARN
 * @param protocol {@code sqs} or {@code lambda}
 * @param endpoint the queue's or the function's ARN
 * @param attributes the subscription attributes the template sets ({@code RawMessageDelivery}, {@code FilterPolicy}
 *     as JSON, ...)
 */
public record SubscriptionSpec(
        String source, String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    public SubscriptionSpec {
        requireNonNull(source, "source");
        requireNonNull(topicArn, "topicArn");
        requireNonNull(protocol, "protocol");
        requireNonNull(endpoint, "endpoint");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
