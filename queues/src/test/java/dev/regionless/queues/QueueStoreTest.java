package dev.regionless.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.common.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueStoreTest {
    @TempDir
    Path folder;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    QueueStore store;

    @BeforeEach
    void open() {
        store = QueueStore.open(folder, "eu-west-2", "123456789012", clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void receivedMessageStaysHiddenUntilItsVisibilityTimeoutPasses() {
        store.createQueue("work", Map.of("VisibilityTimeout", "30"), Map.of());
        store.send("work", OutgoingMessage.of("hello"));

        var first = store.receive("work", ReceiveOptions.of(10));
        var hidden = store.receive("work", ReceiveOptions.of(10));
        clock.advance(Duration.ofSeconds(31));
        var again = store.receive("work", ReceiveOptions.of(10));

        assertThat(first).extracting(ReceivedMessage::body).containsExactly("hello");
        assertThat(hidden).isEmpty();
        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.receiveCount()).isEqualTo(2);
            assertThat(message.messageId()).isEqualTo(first.get(0).messageId());
            assertThat(message.receiptHandle()).isNotEqualTo(first.get(0).receiptHandle());
        });
    }

    @Test
    void deletedMessageIsNotReceivedAgain() {
        store.createQueue("work", Map.of(), Map.of());
        store.send("work", OutgoingMessage.of("hello"));
        var received = store.receive("work", ReceiveOptions.of(1)).get(0);

        boolean deleted = store.deleteMessage("work", received.receiptHandle());
        clock.advance(Duration.ofMinutes(5));

        assertThat(deleted).isTrue();
        assertThat(store.receive("work", ReceiveOptions.of(10))).isEmpty();
    }

    @Test
    void staleReceiptHandleDeletesNothingOnAStandardQueue() {
        store.createQueue("work", Map.of("VisibilityTimeout", "10"), Map.of());
        store.send("work", OutgoingMessage.of("hello"));
        var old = store.receive("work", ReceiveOptions.of(1)).get(0);
        clock.advance(Duration.ofSeconds(11));
        store.receive("work", ReceiveOptions.of(1));

        boolean deleted = store.deleteMessage("work", old.receiptHandle());

        assertThat(deleted).isFalse();
        assertThat(store.attributes("work")).containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
    }

    @Test
    void forgedReceiptHandleIsInvalid() {
        store.createQueue("work", Map.of(), Map.of());
        store.send("work", OutgoingMessage.of("hello"));
        var handle = store.receive("work", ReceiveOptions.of(1)).get(0).receiptHandle();
        var forged = handle.substring(0, 10) + (handle.charAt(10) == 'A' ? 'B' : 'A') + handle.substring(11);

        assertThatThrownBy(() -> store.deleteMessage("work", forged))
                .isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).code())
                .isEqualTo("ReceiptHandleIsInvalid");
        assertThatThrownBy(() -> store.deleteMessage("work", "not a handle"))
                .extracting(e -> ((AwsException) e).code())
                .isEqualTo("ReceiptHandleIsInvalid");
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxReceiveCount() {
        var dlq = store.createQueue("work-dlq", Map.of(), Map.of());
        store.createQueue(
                "work",
                Map.of(
                        "VisibilityTimeout",
                        "5",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":2}"),
                Map.of());
        store.send("work", OutgoingMessage.of("poison"));

        for (int i = 0; i < 2; i++) {
            assertThat(store.receive("work", ReceiveOptions.of(1))).hasSize(1);
            clock.advance(Duration.ofSeconds(6));
        }
        var third = store.receive("work", ReceiveOptions.of(1));
        var dead = store.receive("work-dlq", ReceiveOptions.of(1));

        assertThat(third).isEmpty();
        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("poison");
            assertThat(message.systemAttributes()).containsEntry("DeadLetterQueueSourceArn", store.arn("work"));
        });
        assertThat(store.deadLetterSourceQueues("work-dlq")).containsExactly("work");
    }

    @Test
    void aLongPollThatMovesAMessageToTheDeadLetterQueueAndWaitsOnLeavesItThere() {
        var dlq = store.createQueue("work-dlq", Map.of(), Map.of());
        store.createQueue(
                "work",
                Map.of(
                        "VisibilityTimeout",
                        "5",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":1}"),
                Map.of());
        store.send("work", OutgoingMessage.of("poison"));
        assertThat(store.receive("work", ReceiveOptions.of(1))).hasSize(1);
        clock.advance(Duration.ofSeconds(6));

        // The first look moves the message; nothing else comes, so the receive waits out its second.
        var waited = store.receive("work", ReceiveOptions.of(1).waiting(Duration.ofSeconds(1)));
        var dead = store.receive("work-dlq", ReceiveOptions.of(1));

        assertThat(waited).isEmpty();
        assertThat(dead)
                .singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("poison"));
    }

    @Test
    void fifoQueueDeliversAGroupInOrderOneBatchInFlightAtATime() {
        store.createQueue("orders.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"), Map.of());
        for (var body : List.of("a1", "a2", "a3")) {
            store.send("orders.fifo", OutgoingMessage.of(body).inGroup("a", null));
        }
        store.send("orders.fifo", OutgoingMessage.of("b1").inGroup("b", null));

        var first = store.receive("orders.fifo", ReceiveOptions.of(2));
        var second = store.receive("orders.fifo", ReceiveOptions.of(10));
        var third = store.receive("orders.fifo", ReceiveOptions.of(10));
        first.forEach(m -> store.deleteMessage("orders.fifo", m.receiptHandle()));
        var afterDelete = store.receive("orders.fifo", ReceiveOptions.of(10));

        assertThat(first).extracting(ReceivedMessage::body).containsExactly("a1", "a2");
        assertThat(second).extracting(ReceivedMessage::body).containsExactly("b1");
        assertThat(third).isEmpty();
        assertThat(afterDelete).extracting(ReceivedMessage::body).containsExactly("a3");
    }

    @Test
    void fifoQueueDropsADuplicateWithinFiveMinutes() {
        store.createQueue("orders.fifo", Map.of("FifoQueue", "true"), Map.of());
        var first = store.send("orders.fifo", OutgoingMessage.of("x").inGroup("g", "dedup-1"));

        var duplicate = store.send("orders.fifo", OutgoingMessage.of("x").inGroup("g", "dedup-1"));
        clock.advance(Duration.ofMinutes(6));
        var later = store.send("orders.fifo", OutgoingMessage.of("x").inGroup("g", "dedup-1"));

        assertThat(duplicate.messageId()).isEqualTo(first.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(later.sequenceNumber()).isGreaterThan(first.sequenceNumber());
    }

    @Test
    void messagesAndReceiveCountsSurviveAReopen() {
        store.createQueue("work", Map.of("VisibilityTimeout", "60"), Map.of());
        store.send("work", OutgoingMessage.of("kept"));
        store.send("work", OutgoingMessage.of("hidden"));
        var received = store.receive("work", ReceiveOptions.of(1)).get(0);

        store.close();
        store = QueueStore.open(folder, "eu-west-2", "123456789012", clock);
        var afterRestart = store.receive("work", ReceiveOptions.of(10));
        afterRestart.forEach(m -> store.deleteMessage("work", m.receiptHandle()));
        clock.advance(Duration.ofSeconds(61));
        var afterTimeout = store.receive("work", ReceiveOptions.of(10));

        assertThat(afterRestart).extracting(ReceivedMessage::body).doesNotContain(received.body());
        assertThat(afterRestart).hasSize(1);
        assertThat(afterTimeout).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(received.body());
            assertThat(m.receiveCount()).isEqualTo(2);
        });
    }

    @Test
    void redrivePolicyWithZeroMaxReceiveCountIsRefused() {
        var dlq = store.createQueue("dlq", Map.of(), Map.of());

        assertThatThrownBy(() -> store.createQueue(
                        "work",
                        Map.of(
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":0}"),
                        Map.of()))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("maxReceiveCount: 0 (expected: 1..1000)");
    }

    @Test
    void delayedMessageAppearsOnlyAfterItsDelay() {
        store.createQueue("work", Map.of(), Map.of());
        store.send("work", OutgoingMessage.of("later").delayedBy(60));

        var early = store.receive("work", ReceiveOptions.of(1));
        clock.advance(Duration.ofSeconds(60));
        var onTime = store.receive("work", ReceiveOptions.of(1));

        assertThat(early).isEmpty();
        assertThat(onTime).extracting(ReceivedMessage::body).containsExactly("later");
    }

    @Test
    void messagePastItsRetentionPeriodIsGone() {
        store.createQueue("work", Map.of("MessageRetentionPeriod", "60"), Map.of());
        store.send("work", OutgoingMessage.of("old"));

        clock.advance(Duration.ofSeconds(61));

        assertThat(store.receive("work", ReceiveOptions.of(1))).isEmpty();
    }
}
