package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.InvocationResult;

/**
 * Lambda's default for streams: a batch that fails in any way — function error, timeout, throttle, a function
 * that cannot be found — is retried whole, with backoff, until it succeeds. Records that pass the stream's
 * retention meanwhile are dropped by the poller, which is how such a batch ends if it never succeeds.
 */
public final class RetryUntilSuccess implements BatchOutcomePolicy {
    private final RetryBackoff backoff;

    public RetryUntilSuccess(RetryBackoff backoff) {
        this.backoff = requireNonNull(backoff, "backoff");
    }

    @Override
    public BatchDecision decide(EventBatch batch, InvocationResult result, int failures) {
        return switch (result) {
            case InvocationResult.Completed completed -> new BatchDecision.Checkpoint(batch.lastSequence());
            case InvocationResult.Failed failed -> new BatchDecision.Retry(backoff.delayAfter(failures + 1));
            case InvocationResult.Throttled throttled -> new BatchDecision.Retry(backoff.delayAfter(failures + 1));
        };
    }
}
