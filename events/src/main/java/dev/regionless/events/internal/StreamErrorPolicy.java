package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureHandling;
import dev.regionless.events.FailureRecord;
import java.time.Duration;

/**
 * Lambda's error handling for stream sources. By default a failed batch is retried whole, with backoff, until it
 * succeeds or its records expire, so a poison record blocks its shard. {@code BisectBatchOnFunctionError} splits a
 * batch that failed (without counting it as a retry) down to single records; {@code MaximumRetryAttempts} discards
 * records after that many retries; a partial batch response moves the checkpoint to just before the first record
 * it reports and retries from there, at once the first time. Throttles and invocations that never reached the
 * function are retried until the records expire, neither counted nor bisected. Record age is checked by the poller,
 * before each invocation.
 */
public final class StreamErrorPolicy implements BatchOutcomePolicy {
    private final FailureHandling handling;
    private final RetryBackoff backoff;

    public StreamErrorPolicy(FailureHandling handling, RetryBackoff backoff) {
        this.handling = requireNonNull(handling, "handling");
        this.backoff = requireNonNull(backoff, "backoff");
    }

    @Override
    public BatchDecision decide(EventBatch batch, BatchOutcome outcome, int retries, int failures) {
        return switch (outcome) {
            case BatchOutcome.Succeeded succeeded -> new BatchDecision.Checkpoint(batch.lastSequence());
            case BatchOutcome.ReportedFailure reported -> {
                if (exhausted(retries)) {
                    yield new BatchDecision.Discard(
                            reported.firstFailedSequence(), FailureRecord.RETRY_ATTEMPTS_EXHAUSTED);
                }
                var delay = failures == 0 ? Duration.ZERO : backoff.delayAfter(failures);
                yield new BatchDecision.Retry(reported.firstFailedSequence(), delay, true);
            }
            case BatchOutcome.FunctionError error -> {
                if (handling.bisectBatchOnFunctionError() && batch.records().size() > 1) {
                    yield new BatchDecision.Bisect();
                }
                if (exhausted(retries)) {
                    yield new BatchDecision.Discard(batch.firstSequence(), FailureRecord.RETRY_ATTEMPTS_EXHAUSTED);
                }
                yield new BatchDecision.Retry(batch.firstSequence(), backoff.delayAfter(failures + 1), true);
            }
            case BatchOutcome.NotInvoked notInvoked ->
                new BatchDecision.Retry(batch.firstSequence(), backoff.delayAfter(failures + 1), false);
        };
    }

    private boolean exhausted(int retries) {
        return handling.limitsRetries() && retries >= handling.maximumRetryAttempts();
    }
}
