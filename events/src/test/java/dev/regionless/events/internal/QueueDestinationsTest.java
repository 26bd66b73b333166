package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import dev.regionless.events.FailureRecord;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.ReceiveOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queues of a real (RocksDB) queue store as on-failure destinations. */
class QueueDestinationsTest {
    private static final String ARN = "arn:aws:sqs:eu-west-2:123456789012:failures";

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    QueueStore queues;
    QueueDestinations destinations;

    @BeforeEach
    void open() {
        queues = QueueStore.open(folder, "eu-west-2", "123456789012", clock);
        destinations = new QueueDestinations(queues);
    }

    @AfterEach
    void close() {
        queues.close();
    }

    private static FailureRecord record() {
        return new FailureRecord(
                "request-1",
                "arn:aws:lambda:eu-west-2:123456789012:function:Poisoned",
                FailureRecord.RETRY_ATTEMPTS_EXHAUSTED,
                2,
                new FailureRecord.Response(200, "Unhandled"),
                Instant.parse("2026-03-01T10:00:05Z"),
                new FailureRecord.StreamBatchInfo(
                        "shardId-1",
                        3,
                        4,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        Instant.parse("2026-03-01T10:00:01Z"),
                        2,
                        "arn:aws:dynamodb:eu-west-2:123456789012:table/messages/stream/2026-03-01T10:00:00.000"));
    }

    @Test
    void theRecordIsTheBodyOfOneMessageInTheQueue() throws Exception {
        queues.createQueue("failures", Map.of(), Map.of());
        var record = record();

        destinations.destination(ARN).send(record);

        var messages = queues.receive("failures", ReceiveOptions.of(10));
        assertThat(messages).hasSize(1);
        assertThat(Json.mapper().readTree(messages.getFirst().body())).isEqualTo(record.toJson());
    }

    @Test
    void aQueueThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> destinations.destination(ARN))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValueException");
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage("DestinationConfig.OnFailure.Destination: " + ARN
                        + " (expected: an existing queue; there is no queue failures in eu-west-2)");
    }

    @Test
    void aQueueOfAnotherRegionIsRefused() {
        var elsewhere = "arn:aws:sqs:us-east-1:123456789012:failures";

        assertThatThrownBy(() -> destinations.destination(elsewhere))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("DestinationConfig.OnFailure.Destination: " + elsewhere
                        + " (expected: a queue of this region such as arn:aws:sqs:eu-west-2:123456789012:NAME");
    }

    @Test
    void aFifoQueueIsRefused() {
        queues.createQueue("failures.fifo", Map.of("FifoQueue", "true"), Map.of());

        assertThatThrownBy(() -> destinations.destination(ARN + ".fifo"))
                .isInstanceOf(AwsException.class)
                .hasMessageEndingWith("(expected: a standard queue; FIFO queues cannot be on-failure destinations)");
    }

    @Test
    void sendingToAQueueDeletedSinceFailsSoThatTheMappingRetries() {
        queues.createQueue("failures", Map.of(), Map.of());
        var destination = destinations.destination(ARN);
        queues.deleteQueue("failures");

        assertThatThrownBy(() -> destination.send(record()))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("QueueDoesNotExist"));
    }
}
