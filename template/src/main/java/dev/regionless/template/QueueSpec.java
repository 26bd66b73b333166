package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code AWS::SQS::Queue} as one region creates it: its name and its attributes in SQS's own terms, as
 * CreateQueue takes them ({@code VisibilityTimeout}, {@code RedrivePolicy} as JSON, {@code FifoQueue}, ...).
 *
 * @param logicalId the template resource, named in deploy errors
 * @param queueName {@code QueueName}, or CloudFormation's generated name (with {@code .fifo} for a FIFO queue)
 * @param attributes the attributes the template sets, values as SQS's strings
 * @param tags the queue's tags
 */
public record QueueSpec(String logicalId, String queueName, Map<String, String> attributes, Map<String, String> tags) {
    public QueueSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(queueName, "queueName");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The ARN of the queue this one sends its dead letters to, if it has a redrive policy; else {@code null}. */
    public String deadLetterTargetArn() {
        var policy = attributes.get("RedrivePolicy");
        if (policy == null) {
            return null;
        }
        var matcher = java.util.regex.Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(policy);
        return matcher.find() ? matcher.group(1) : null;
    }
}
