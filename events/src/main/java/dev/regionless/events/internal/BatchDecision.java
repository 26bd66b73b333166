package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a poller does after invoking the function with a batch. The records of a batch before the sequence number a
 * decision names are done: the poller checkpoints after them before it acts on the rest.
 */
public sealed interface BatchDecision {

    /** Every record up to and including {@code afterSequence} is done. */
    record Checkpoint(long afterSequence) implements BatchDecision {}

    /**
     * Invoke the function again, after {@code delay}, with the batch's records from {@code fromSequence} on.
     * {@code counted} says whether this retry counts towards {@code MaximumRetryAttempts}: function errors do,
     * throttles and invocations that never started do not.
     */
    record Retry(long fromSequence, Duration delay, boolean counted) implements BatchDecision {
        public Retry {
            requireNonNull(delay, "delay");
        }
    }

    /** Split the batch in two and invoke the function with the first half at once, then with the second. */
    record Bisect() implements BatchDecision {}

    /**
     * Give up on the batch's records from {@code fromSequence} on: describe them to the on-failure destination,
     * then move past them. {@code condition} is the record's {@code condition}, such as {@code RetryAttemptsExhausted}.
     */
    record Discard(long fromSequence, String condition) implements BatchDecision {
        public Discard {
            requireNonNull(condition, "condition");
        }
    }
}
