package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a poller does after invoking the function with a batch. A closed set that later features extend:
 * partial batch responses checkpoint inside the batch, bisection and retry limits add their own outcomes.
 */
public sealed interface BatchDecision {

    /**
     * Every record up to and including {@code afterSequence} is done; any later record of the batch is read
     * again as part of the next batch.
     */
    record Checkpoint(long afterSequence) implements BatchDecision {}

    /** Invoke the function with the same batch again after {@code delay}. */
    record Retry(Duration delay) implements BatchDecision {
        public Retry {
            requireNonNull(delay, "delay");
        }
    }
}
