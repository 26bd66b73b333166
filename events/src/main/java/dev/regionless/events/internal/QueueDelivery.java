package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.functions.InvocationResult;
import dev.regionless.queues.ReceivedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one batch of received messages to the function and acknowledges what it processed, as Lambda does for a
 * queue: the queue itself is the retry mechanism. Messages the function did not process are left alone, so they
 * reappear once their visibility timeout passes, each receive counting towards the queue's {@code maxReceiveCount}
 * and its dead-letter queue. An invocation that did not happen (throttled, function not deployed) is retried with
 * backoff while the messages are still hidden, then left to reappear.
 */
final class QueueDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(QueueDelivery.class);

    private final QueueMappingRuntime runtime;
    private final BatchDelivery.Pauser pauser;
    private final RetryBackoff backoff;

    QueueDelivery(QueueMappingRuntime runtime, BatchDelivery.Pauser pauser) {
        this.runtime = requireNonNull(runtime, "runtime");
        this.pauser = requireNonNull(pauser, "pauser");
        this.backoff = new RetryBackoff(
                runtime.config().firstRetryDelay(), runtime.config().maxRetryDelay());
    }

    /**
     * Delivers {@code batch}, whose messages stay hidden until {@code visibleAgainAt}; answers the last invocation's
     * outcome.
     */
    QueueOutcome deliver(QueueBatch batch, Instant visibleAgainAt) {
        release(batch.overflow());
        int notInvoked = 0;
        while (true) {
            var outcome = invoke(batch);
            if (outcome.partial()) {
                runtime.result().recordReportedFailures();
            } else {
                runtime.result().record(outcome.outcome());
            }
            if (!(outcome.outcome() instanceof BatchOutcome.NotInvoked missed)) {
                acknowledge(batch, outcome);
                return outcome;
            }
            var delay = backoff.delayAfter(++notInvoked);
            if (!runtime.config().clock().instant().plus(delay).isBefore(visibleAgainAt) || !pauser.running()) {
                log(batch, missed.describe() + "; its messages return to the queue after their visibility timeout");
                return outcome;
            }
            log(batch, missed.describe() + "; retrying in " + delay.toMillis() + " ms");
            // A function that is not deployed yet is retried as soon as a deploy may have brought it.
            if (!pauser.pause(delay, missed.statusCode() == 404)) {
                return outcome;
            }
        }
    }

    private QueueOutcome invoke(QueueBatch batch) {
        var name = runtime.mapping().functionName();
        if (runtime.functions().function(name).isEmpty()) {
            return new QueueOutcome(
                    new BatchOutcome.NotInvoked("", 404, "cannot be invoked: the function is not deployed"), Set.of());
        }
        InvocationResult result;
        try {
            result = runtime.functions().invoke(name, batch.payload());
        } catch (AwsException e) {
            return new QueueOutcome(
                    new BatchOutcome.NotInvoked(
                            "", e.status(), "cannot be invoked: " + e.code() + ": " + e.getMessage()),
                    Set.of());
        }
        var outcome = QueueOutcome.of(
                result, batch, runtime.mapping().failureHandling().reportBatchItemFailures());
        if (outcome.outcome() instanceof BatchOutcome.FunctionError error) {
            log(batch, error.describe() + "; its messages return to the queue after their visibility timeout");
        }
        return outcome;
    }

    /** Deletes the messages the function processed; a handle gone stale (received again since) deletes nothing. */
    private void acknowledge(QueueBatch batch, QueueOutcome outcome) {
        for (var message : outcome.toDelete(batch, runtime.queue().fifo())) {
            try {
                runtime.queues().deleteMessage(runtime.queue().queueName(), message.receiptHandle());
            } catch (AwsException e) {
                LOG.warn(
                        "event source mapping {}: cannot delete message {} from {}: {}",
                        runtime.mapping().uuid(),
                        message.messageId(),
                        runtime.queue().queueName(),
                        e.getMessage());
            }
        }
    }

    /** Shows messages that did not fit the batch's payload again at once: they were never handed to the function. */
    private void release(List<ReceivedMessage> overflow) {
        for (var message : overflow) {
            try {
                runtime.queues().changeVisibility(runtime.queue().queueName(), message.receiptHandle(), 0);
            } catch (AwsException e) {
                LOG.warn(
                        "event source mapping {}: cannot return message {} to {}: {}",
                        runtime.mapping().uuid(),
                        message.messageId(),
                        runtime.queue().queueName(),
                        e.getMessage());
            }
        }
    }

    private void log(QueueBatch batch, String what) {
        LOG.warn(
                "event source mapping {}: {} with {} messages of {} {}",
                runtime.mapping().uuid(),
                runtime.mapping().functionName(),
                batch.messages().size(),
                runtime.queue().queueName(),
                what);
    }
}
