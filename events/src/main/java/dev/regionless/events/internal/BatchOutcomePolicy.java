package dev.regionless.events.internal;

/**
 * Turns an invocation's outcome into what happens to the batch. The stream poller owns ordering, reading and
 * positions; the policy owns the failure semantics (Lambda's retry limits, bisection, partial batch responses), so
 * it can be tested alone.
 */
@FunctionalInterface
public interface BatchOutcomePolicy {

    /**
     * @param batch the batch the function was invoked with
     * @param outcome how the invocation ended
     * @param retries how many retries of these records counted towards the retry limit so far
     * @param failures how many invocations with these records failed in a row before this one, for the backoff
     */
    BatchDecision decide(EventBatch batch, BatchOutcome outcome, int retries, int failures);
}
