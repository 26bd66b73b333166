package dev.regionless.queues;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.Json;

/**
 * A source queue's dead-letter settings: after {@code maxReceiveCount} receives without a delete, a message moves to
 * the queue {@code deadLetterTargetArn}.
 */
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    public RedrivePolicy {
        requireNonNull(deadLetterTargetArn, "deadLetterTargetArn");
    }

    /** Parses the attribute's JSON; {@code maxReceiveCount} may be a number or a string, as SQS accepts both. */
    public static RedrivePolicy parse(String value) {
        var node = QueueAttributes.json(QueueAttributes.REDRIVE_POLICY, value);
        var arn = node.path("deadLetterTargetArn");
        if (!arn.isTextual() || !arn.asText().startsWith("arn:aws:sqs:")) {
            throw QueueErrors.invalidParameter(
                    QueueAttributes.REDRIVE_POLICY,
                    value,
                    "deadLetterTargetArn: " + arn + " (expected: the ARN of an SQS queue)");
        }
        var count = node.path("maxReceiveCount");
        int parsed = -1;
        if (count.isIntegralNumber()) {
            parsed = count.canConvertToInt() ? count.asInt() : -1;
        } else if (count.isTextual()) {
            try {
                parsed = Integer.parseInt(count.asText().trim());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
        }
        if (parsed < 1 || parsed > 1000) {
            throw QueueErrors.invalidParameter(
                    QueueAttributes.REDRIVE_POLICY,
                    value,
                    "maxReceiveCount: " + (count.isMissingNode() ? "missing" : count.asText())
                            + " (expected: 1..1000)");
        }
        return new RedrivePolicy(arn.asText(), parsed);
    }

    /** The JSON SQS answers in GetQueueAttributes. */
    public String toJson() {
        return Json.mapper()
                .createObjectNode()
                .put("deadLetterTargetArn", deadLetterTargetArn)
                .put("maxReceiveCount", maxReceiveCount)
                .toString();
    }
}
