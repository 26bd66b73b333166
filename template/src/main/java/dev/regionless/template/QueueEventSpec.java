package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * A function's {@code SQS} event: Lambda polls a queue and invokes the function with batches of its messages,
 * deleting those it processed.
 *
 * @param functionLogicalId the logical id of the function that declares the event
 * @param functionName that function's name
 * @param eventName the event's key under {@code Events}
 * @param queueArn {@code Queue}, the queue's ARN ({@code !GetAtt Queue.Arn} or a literal ARN of this region)
 * @param queueName the queue's name, the last part of its ARN
 * @param batchSize {@code BatchSize}, 1..10000 (default 10; at most 10 for a FIFO queue)
 * @param batchingWindowSeconds {@code MaximumBatchingWindowInSeconds}, 0..300 (default 0); over 0 when the batch
 *     size is over 10, and 0 for a FIFO queue, as Lambda requires
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, 2..1000, or 0 when not set
 * @param reportBatchItemFailures {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}
 * @param enabled {@code Enabled} (default true): whether the queue is polled at all
 * @param filterPatterns {@code FilterCriteria.Filters[].Pattern}, each a JSON filter pattern as written; a message
 *     that matches none is deleted without invoking the function (checked fully by the region at deploy)
 */
public record QueueEventSpec(
        String functionLogicalId,
        String functionName,
        String eventName,
        String queueArn,
        String queueName,
        int batchSize,
        int batchingWindowSeconds,
        int maximumConcurrency,
        boolean reportBatchItemFailures,
        boolean enabled,
        java.util.List<String> filterPatterns) {

    public QueueEventSpec {
        filterPatterns = java.util.List.copyOf(filterPatterns);
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(eventName, "eventName");
        requireNonNull(queueArn, "queueArn");
        requireNonNull(queueName, "queueName");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " (expected: 1..10000)");
        }
        if (batchingWindowSeconds < 0 || batchingWindowSeconds > 300) {
            throw new IllegalArgumentException(
                    "batchingWindowSeconds: " + batchingWindowSeconds + " (expected: 0..300)");
        }
        if (maximumConcurrency != 0 && (maximumConcurrency < 2 || maximumConcurrency > 1000)) {
            throw new IllegalArgumentException(
                    "maximumConcurrency: " + maximumConcurrency + " (expected: 2..1000, or 0 for none)");
        }
    }
}
