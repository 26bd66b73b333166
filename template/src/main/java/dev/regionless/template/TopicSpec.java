package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code AWS::SNS::Topic} as one region creates it: its name and its attributes in SNS's own terms, as CreateTopic
 * takes them ({@code FifoTopic}, {@code ContentBasedDeduplication}, {@code DisplayName}, ...). Its inline
 * {@code Subscription} list is read into {@link SubscriptionSpec}s.
 *
 * @param logicalId the template resource, named in deploy errors
 * @param topicName {@code TopicName}, or CloudFormation's generated name (with {@code .fifo} for a FIFO topic)
 * @param attributes the attributes the template sets, values as SNS's strings
 * @param tags the topic's tags
 */
public record TopicSpec(String logicalId, String topicName, Map<String, String> attributes, Map<String, String> tags) {
    public TopicSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(topicName, "topicName");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public boolean fifo() {
        return "true".equals(attributes.get("FifoTopic"));
    }
}
