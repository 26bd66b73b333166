package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.events.FailureHandling;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamErrorPolicyTest {
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final BatchOutcome FAILED = new BatchOutcome.FunctionError("r", "failed");

    private static EventBatch batch(long first, long last) {
        var records = LongStream.rangeClosed(first, last)
                .mapToObj(sequence -> new ChangeRecord(
                        sequence, ChangeRecord.EventName.INSERT, Item.empty(), null, null, 0, false, 0, "eu-west-2"))
                .toList();
        return new EventBatch(records, new byte[0]);
    }

    private static StreamErrorPolicy policy(FailureHandling handling) {
        return new StreamErrorPolicy(handling, BACKOFF);
    }

    @Test
    void aSucceededBatchIsCheckpointedAfterItsLastRecord() {
        var decision = policy(FailureHandling.defaults()).decide(batch(4, 9), new BatchOutcome.Succeeded("r"), 0, 0);

        assertThat(decision).isEqualTo(new BatchDecision.Checkpoint(9));
    }

    @Test
    void byDefaultAFailedBatchIsRetriedWholeForeverWithGrowingBackoff() {
        var policy = policy(FailureHandling.defaults());

        assertThat(policy.decide(batch(4, 9), FAILED, 0, 0))
                .isEqualTo(new BatchDecision.Retry(4, Duration.ofSeconds(1), true));
        assertThat(policy.decide(batch(4, 9), FAILED, 10_000, 3))
                .isEqualTo(new BatchDecision.Retry(4, Duration.ofSeconds(8), true));
    }

    @Test
    void withBisectAFailedBatchOfSeveralRecordsIsSplitButASingleRecordIsRetried() {
        var policy = policy(FailureHandling.defaults().withBisectBatchOnFunctionError(true));

        assertThat(policy.decide(batch(4, 5), FAILED, 0, 0)).isEqualTo(new BatchDecision.Bisect());
        assertThat(policy.decide(batch(4, 4), FAILED, 0, 0)).isInstanceOf(BatchDecision.Retry.class);
    }

    @Test
    void afterTheMaximumRetryAttemptsTheBatchIsDiscarded() {
        var policy = policy(FailureHandling.defaults().withMaximumRetryAttempts(2));

        assertThat(policy.decide(batch(4, 9), FAILED, 1, 1)).isInstanceOf(BatchDecision.Retry.class);
        assertThat(policy.decide(batch(4, 9), FAILED, 2, 2))
                .isEqualTo(new BatchDecision.Discard(4, "RetryAttemptsExhausted"));
    }

    @Test
    void throttlesAreRetriedWithoutCountingOrBisecting() {
        var policy = policy(
                FailureHandling.defaults().withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(0));

        var decision = policy.decide(batch(4, 9), new BatchOutcome.NotInvoked("r", 429, "throttled"), 0, 0);

        assertThat(decision).isEqualTo(new BatchDecision.Retry(4, Duration.ofSeconds(1), false));
    }

    @Test
    void aReportedFailureRetriesFromTheReportedRecordAtOnceTheFirstTime() {
        var policy = policy(FailureHandling.defaults().withReportBatchItemFailures(true));
        var reported = new BatchOutcome.ReportedFailure("r", 7);

        assertThat(policy.decide(batch(4, 9), reported, 0, 0))
                .isEqualTo(new BatchDecision.Retry(7, Duration.ZERO, true));
        assertThat(policy.decide(batch(7, 9), reported, 1, 1))
                .isEqualTo(new BatchDecision.Retry(7, Duration.ofSeconds(1), true));
    }

    @Test
    void aReportedFailurePastTheRetryLimitDiscardsFromTheReportedRecord() {
        var policy = policy(
                FailureHandling.defaults().withReportBatchItemFailures(true).withMaximumRetryAttempts(0));

        var decision = policy.decide(batch(4, 9), new BatchOutcome.ReportedFailure("r", 7), 0, 0);

        assertThat(decision).isEqualTo(new BatchDecision.Discard(7, "RetryAttemptsExhausted"));
        assertThat(List.of(decision)).hasSize(1);
    }
}
