package dev.regionless.events.internal;

import dev.regionless.functions.InvocationResult;

/**
 * Turns an invocation's result into what happens to the batch. The stream poller owns ordering, reading and
 * positions; the policy owns the failure semantics, so that Lambda's options for them (retry limits, bisection,
 * {@code ReportBatchItemFailures}) are policies rather than changes to the poller.
 */
@FunctionalInterface
public interface BatchOutcomePolicy {

    /**
     * @param batch the batch the function was invoked with
     * @param result how the invocation ended
     * @param failures how many invocations with this batch failed before this one
     */
    BatchDecision decide(EventBatch batch, InvocationResult result, int failures);
}
