package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** FIFO queues: order within a message group, one batch of a group in flight at a time, deduplication. */
class FifoQueuesIT {
    @TempDir
    static Path folder;

    static QueueRegion region;

    @BeforeAll
    static void start() {
        region = new QueueRegion(folder.resolve("data"));
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    void eachGroupIsDeliveredInOrderAndHeldWhileOneOfItsMessagesIsInFlight() {
        var url = fifo("chat.fifo", true);
        for (var body : List.of("a1", "b1", "a2", "b2", "a3")) {
            region.sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
        }

        var first = receive(url, 1);
        var second = receive(url, 1);
        var blocked = receive(url, 10);
        delete(url, first);
        delete(url, second);
        var rest = new ArrayList<Message>();
        for (int i = 0; i < 5 && rest.size() < 3; i++) {
            var batch = receive(url, 10);
            rest.addAll(batch);
            delete(url, batch);
        }

        assertThat(first).extracting(Message::body).containsExactly("a1");
        assertThat(second).extracting(Message::body).containsExactly("b1");
        assertThat(blocked).isEmpty();
        assertThat(rest.stream().map(Message::body).filter(b -> b.startsWith("a")))
                .containsExactly("a2", "a3");
        assertThat(rest.stream().map(Message::body).filter(b -> b.startsWith("b")))
                .containsExactly("b2");
    }

    @Test
    void aGroupWhoseMessageTimedOutIsRetriedFromThatMessage() {
        var url = fifo("retry.fifo", true);
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("first").messageGroupId("g"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("second").messageGroupId("g"));
        receive(url, 1);

        region.advance(Duration.ofSeconds(31));
        var again = receive(url, 10);

        assertThat(again).extracting(Message::body).containsExactly("first", "second");
        assertThat(again.get(0).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }

    @Test
    void aDuplicateWithinFiveMinutesIsAcknowledgedButNotQueuedAgain() {
        var url = fifo("payments.fifo", false);
        var first = region.sqs.sendMessage(b ->
                b.queueUrl(url).messageBody("pay 10").messageGroupId("acct-1").messageDeduplicationId("payment-1"));

        var duplicate = region.sqs.sendMessage(b ->
                b.queueUrl(url).messageBody("pay 10").messageGroupId("acct-1").messageDeduplicationId("payment-1"));
        var received = receive(url, 10);

        assertThat(duplicate.messageId()).isEqualTo(first.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).attributes())
                .containsEntry(MessageSystemAttributeName.SEQUENCE_NUMBER, first.sequenceNumber())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "acct-1")
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "payment-1");
    }

    @Test
    void contentBasedDeduplicationDropsTheSameBodyAndWindowEndsAfterFiveMinutes() {
        var url = fifo("content.fifo", true);
        var first =
                region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
        var duplicate =
                region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));

        region.advance(Duration.ofMinutes(5).plusSeconds(1));
        var later =
                region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));

        assertThat(duplicate.messageId()).isEqualTo(first.messageId());
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(Long.parseLong(later.sequenceNumber())).isGreaterThan(Long.parseLong(first.sequenceNumber()));
    }

    @Test
    void sendWithoutGroupOrDeduplicationIdIsRefused() {
        var url = fifo("strict.fifo", false);

        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("MessageGroupId");
        assertThatThrownBy(() -> region.sqs.sendMessage(
                        b -> b.queueUrl(url).messageBody("x").messageGroupId("g")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("ContentBasedDeduplication");
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url)
                        .messageBody("x")
                        .messageGroupId("g")
                        .messageDeduplicationId("d")
                        .delaySeconds(5)))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("DelaySeconds");
    }

    @Test
    void aReceiveRetriedWithTheSameAttemptIdAnswersTheSameMessagesAndHandles() {
        var url = fifo("attempts.fifo", true);
        for (var body : List.of("a1", "a2", "b1")) {
            region.sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
        }
        var first = receive(url, 10, "attempt-1");

        region.advance(Duration.ofSeconds(20));
        var retried = receive(url, 10, "attempt-1");
        var other = receive(url, 10, "attempt-2");
        region.advance(Duration.ofSeconds(20)); // 40 s after the first receive, 20 s after the retry
        var stillHidden = receive(url, 10, null);

        assertThat(first).extracting(Message::body).containsExactly("a1", "a2", "b1");
        assertThat(retried).extracting(Message::body).containsExactly("a1", "a2", "b1");
        assertThat(retried).extracting(Message::receiptHandle).isEqualTo(handles(first));
        assertThat(retried.get(0).attributes())
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        assertThat(other).isEmpty(); // the groups are in flight
        assertThat(stillHidden).isEmpty(); // the retry reset the 30 s visibility timeout
        delete(url, retried);
    }

    @Test
    void anAttemptIdIsNotRetryableOnceItsMessagesChangedOrAfterFiveMinutes() {
        var url = fifo("attempts-changed.fifo", true);
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x1").messageGroupId("x"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("y1").messageGroupId("y"));
        var x = receive(url, 1, "changed");
        var y = receive(url, 1, "expires");

        delete(url, x);
        var retryAfterDelete = org.assertj.core.api.Assertions.catchThrowable(() -> receive(url, 1, "changed"));
        region.advance(Duration.ofMinutes(5).plusSeconds(1));
        var afterExpiry = receive(url, 10, "expires");

        assertThat(retryAfterDelete)
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("ReceiveRequestAttemptId")
                .hasMessageContaining("not retryable");
        assertThat(y).extracting(Message::body).containsExactly("y1");
        assertThat(afterExpiry).extracting(Message::body).containsExactly("y1");
        assertThat(afterExpiry.get(0).attributes())
                .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"); // a new receive
        assertThatThrownBy(() -> receive(url, 1, "has spaces"))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("ReceiveRequestAttemptId");
        delete(url, afterExpiry);
    }

    @Test
    void fifoQueueNeedsAFifoName() {
        assertThatThrownBy(() -> region.create("plain-name", Map.of("FifoQueue", "true")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining(".fifo");
    }

    private static String fifo(String name, boolean contentBased) {
        return region.create(
                name, Map.of("FifoQueue", "true", "ContentBasedDeduplication", Boolean.toString(contentBased)));
    }

    private static List<Message> receive(String url, int max) {
        return receive(url, max, null);
    }

    private static List<Message> receive(String url, int max, String attemptId) {
        return region.sqs
                .receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(max)
                        .receiveRequestAttemptId(attemptId)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    private static List<String> handles(List<Message> messages) {
        return messages.stream().map(Message::receiptHandle).toList();
    }

    private static void delete(String url, List<Message> messages) {
        messages.forEach(m -> region.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
    }
}
