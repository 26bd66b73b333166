package dev.regionless.events.topics;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A topic as created: its name, ARN, kind and the attributes and tags set on it.
 *
 * @param name the name, ending {@code .fifo} for a FIFO topic
 * @param arn {@code arn:aws:sns:REGION:ACCOUNT:NAME}
 * @param fifo whether messages are ordered per message group and deduplicated
 * @param attributes the attributes set on the topic (not the computed ones such as {@code SubscriptionsConfirmed})
 * @param tags the topic's tags
 */
public record Topic(String name, String arn, boolean fifo, Map<String, String> attributes, Map<String, String> tags) {
    public Topic {
        requireNonNull(name, "name");
        requireNonNull(arn, "arn");
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }

    /** Whether a FIFO topic deduplicates by a hash of the message when the publisher gives no deduplication id. */
    public boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication"));
    }

    /** The largest message (body and attributes) the topic accepts, in bytes: 256 KiB unless set. */
    public int maximumMessageSize() {
        var value = attributes.get("MaximumMessageSize");
        return value == null ? 262_144 : Integer.parseInt(value);
    }

    public Topic withAttributes(Map<String, String> newAttributes) {
        return new Topic(name, arn, fifo, newAttributes, tags);
    }

    public Topic withTags(Map<String, String> newTags) {
        return new Topic(name, arn, fifo, attributes, newTags);
    }
}
