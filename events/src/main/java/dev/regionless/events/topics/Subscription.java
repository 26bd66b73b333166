package dev.regionless.events.topics;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A topic's subscription: where each message published to the topic goes.
 *
 * @param arn {@code TOPIC_ARN:UUID}
 * @param topicArn the topic's ARN
 * @param protocol {@code sqs} or {@code lambda}
 * @param endpoint the queue's or the function's ARN
 * @param attributes the attributes set on the subscription ({@code RawMessageDelivery}, {@code FilterPolicy}, ...)
 */
public record Subscription(
        String arn, String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    public Subscription {
        requireNonNull(arn, "arn");
        requireNonNull(topicArn, "topicArn");
        requireNonNull(protocol, "protocol");
        requireNonNull(endpoint, "endpoint");
        attributes = Map.copyOf(attributes);
    }

    /** Whether a queue receives the message itself, with its attributes, instead of SNS's JSON envelope. */
    public boolean rawMessageDelivery() {
        return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
    }

    public Subscription withAttributes(Map<String, String> newAttributes) {
        return new Subscription(arn, topicArn, protocol, endpoint, newAttributes);
    }
}
