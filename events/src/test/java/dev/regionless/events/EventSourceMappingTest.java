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
                        "m-1", "broadcast", "arn:aws:sqs:eu-west-2:000000000000:queue", StartingPosition.LATEST))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("eventSourceArn: arn:aws:sqs:eu-west-2:000000000000:queue (expected: a DynamoDB"
                        + " stream ARN");
    }
}
