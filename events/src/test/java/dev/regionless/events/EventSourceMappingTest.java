package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import org.junit.jupiter.api.Test;

class EventSourceMappingTest {
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:eu-west-2:000000000000:table/messages/stream/2026-03-01T10:00:00.000";

    @Test
    void aNewMappingHasLambdasDefaults() {
        var mapping = EventSourceMapping.of("m-1", "broadcast", STREAM_ARN, StartingPosition.LATEST);

        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.maximumBatchingWindowInSeconds()).isZero();
        assertThat(mapping.enabled()).isTrue();
        assertThat(mapping.parallelizationFactor()).isEqualTo(1);
        assertThat(mapping.failureHandling()).isEqualTo(new FailureHandling(false, -1, -1, false, null));
    }

    @Test
    void retryAttemptsRecordAgeAndParallelizationOutsideLambdasRangesAreRefused() {
        var handling = FailureHandling.defaults();
        var mapping = EventSourceMapping.of("m-1", "broadcast", "messages", StartingPosition.LATEST);

        assertThatThrownBy(() -> handling.withMaximumRetryAttempts(-2))
                .hasMessage("maximumRetryAttempts: -2 (expected: -1 for infinite, or 0..10000)");
        assertThatThrownBy(() -> handling.withMaximumRetryAttempts(10_001))
                .hasMessage("maximumRetryAttempts: 10001 (expected: -1 for infinite, or 0..10000)");
        assertThatThrownBy(() -> handling.withMaximumRecordAgeInSeconds(59))
                .hasMessage("maximumRecordAgeInSeconds: 59 (expected: -1 for infinite, or 60..604800)");
        assertThatThrownBy(() -> handling.withMaximumRecordAgeInSeconds(604_801))
                .isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> mapping.withParallelizationFactor(11))
                .hasMessage("parallelizationFactor: 11 (expected: 1..10)");
        assertThat(handling.withMaximumRetryAttempts(0).withMaximumRecordAgeInSeconds(60))
                .isEqualTo(new FailureHandling(false, 0, 60, false, null));
    }

    @Test
    void aStreamArnAndATableNameBothNameTheTable() {
        var byArn = EventSourceMapping.of("m-1", "broadcast", STREAM_ARN, StartingPosition.LATEST);
        var byName = EventSourceMapping.of("m-1", "broadcast", "messages", StartingPosition.LATEST);

        assertThat(byArn.tableName()).isEqualTo("messages");
        assertThat(byArn.sameSourceAs(byName)).isTrue();
    }

    @Test
    void batchSizeOutsideLambdasRangeIsRefused() {
        var mapping = EventSourceMapping.of("m-1", "broadcast", "messages", StartingPosition.LATEST);

        assertThatThrownBy(() -> mapping.withBatchSize(0))
                .isInstanceOf(AwsException.class)
                .hasMessage("batchSize: 0 (expected: 1..10000)");
        assertThatThrownBy(() -> mapping.withBatchSize(10_001)).hasMessage("batchSize: 10001 (expected: 1..10000)");
        assertThat(mapping.withBatchSize(10_000).batchSize()).isEqualTo(10_000);
    }

    @Test
    void aBatchingWindowOverFiveMinutesIsRefused() {
        var mapping = EventSourceMapping.of("m-1", "broadcast", "messages", StartingPosition.LATEST);

        assertThatThrownBy(() -> mapping.withMaximumBatchingWindowInSeconds(301))
                .hasMessage("maximumBatchingWindowInSeconds: 301 (expected: 0..300)");
    }

    @Test
    void anArnThatIsNoStreamArnIsRefused() {
        assertThatThrownBy(() -> EventSourceMapping.of(
                        "m-1", "broadcast", "arn:aws:sns:eu-west-2:000000000000:topic", StartingPosition.LATEST))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("eventSourceArn: arn:aws:sns:eu-west-2:000000000000:topic (expected: a DynamoDB"
                        + " stream ARN");
    }

    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-2:000000000000:jobs";

    @Test
    void aQueueMappingHasLambdasQueueDefaultsAndNoStartingPosition() {
        var mapping = EventSourceMapping.ofQueue("m-1", "worker", QUEUE_ARN);

        assertThat(mapping.batchSize()).isEqualTo(10);
        assertThat(mapping.startingPosition()).isNull();
        assertThat(mapping.maximumConcurrency()).isZero();
        assertThat(mapping.source()).isEqualTo(new MappingSource.Queue(QUEUE_ARN, "eu-west-2", "000000000000", "jobs"));
        assertThat(mapping.requireConsistent()).isSameAs(mapping);
        assertThatThrownBy(() -> EventSourceMapping.of("m-1", "worker", QUEUE_ARN, StartingPosition.LATEST))
                .hasMessage("StartingPosition is not valid for SQS event sources.");
    }

    @Test
    void aQueueBatchOverTenNeedsABatchingWindowAsOnLambda() {
        var mapping = EventSourceMapping.ofQueue("m-1", "worker", QUEUE_ARN).withBatchSize(100);

        assertThatThrownBy(mapping::requireConsistent)
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"))
                .hasMessage(
                        "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        assertThat(mapping.withMaximumBatchingWindowInSeconds(1)
                        .requireConsistent()
                        .batchSize())
                .isEqualTo(100);
    }

    @Test
    void aFifoQueueTakesBatchesOfAtMostTenAndNoWindow() {
        var fifo = EventSourceMapping.ofQueue("m-1", "worker", QUEUE_ARN + ".fifo");

        assertThatThrownBy(() -> fifo.withBatchSize(11)
                        .withMaximumBatchingWindowInSeconds(1)
                        .requireConsistent())
                .hasMessageStartingWith("BatchSize: 11 (expected: 1..10 for a FIFO queue");
        assertThatThrownBy(() -> fifo.withMaximumBatchingWindowInSeconds(1).requireConsistent())
                .hasMessageContaining("batching windows are not supported for FIFO queues");
    }

    @Test
    void maximumConcurrencyOutsideTwoToAThousandOrOnAStreamIsRefused() {
        var queue = EventSourceMapping.ofQueue("m-1", "worker", QUEUE_ARN);
        var stream = EventSourceMapping.of("m-2", "worker", "messages", StartingPosition.LATEST);

        assertThatThrownBy(() -> queue.withMaximumConcurrency(1))
                .hasMessage("maximumConcurrency: 1 (expected: 2..1000)");
        assertThatThrownBy(() -> queue.withMaximumConcurrency(1001))
                .hasMessage("maximumConcurrency: 1001 (expected: 2..1000)");
        assertThat(queue.withMaximumConcurrency(2).maximumConcurrency()).isEqualTo(2);
        assertThatThrownBy(() -> stream.withMaximumConcurrency(5)).hasMessageContaining("queue sources only");
    }

    @Test
    void streamOnlyErrorHandlingIsRefusedForAQueue() {
        var queue = EventSourceMapping.ofQueue("m-1", "worker", QUEUE_ARN);

        assertThatThrownBy(() -> queue.withFailureHandling(
                                FailureHandling.defaults().withMaximumRetryAttempts(2))
                        .requireConsistent())
                .hasMessageStartingWith(
                        "Unsupported MaximumRetryAttempts parameter for given event source mapping type");
        assertThatThrownBy(() -> queue.withParallelizationFactor(2).requireConsistent())
                .hasMessageStartingWith("Unsupported ParallelizationFactor parameter");
    }
}
