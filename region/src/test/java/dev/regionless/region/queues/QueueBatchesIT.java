package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** The batch calls: entries succeed or fail one by one, and a malformed batch is refused whole. */
class QueueBatchesIT {
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
    void sendBatchAcceptsTheGoodEntriesAndReportsTheBadOnes() {
        var url = region.create("send-batch", Map.of());

        var response = region.sqs.sendMessageBatch(b -> b.queueUrl(url)
                .entries(
                        entry("ok-1", "first"),
                        entry("bad", "\u0000 is not allowed"),
                        entry("ok-2", "second"),
                        SendMessageBatchRequestEntry.builder()
                                .id("late")
                                .messageBody("too late")
                                .delaySeconds(901)
                                .build()));

        assertThat(response.successful())
                .extracting(SendMessageBatchResultEntry::id)
                .containsExactly("ok-1", "ok-2");
        assertThat(response.failed())
                .extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code, BatchResultErrorEntry::senderFault)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bad", "InvalidMessageContents", true),
                        org.assertj.core.groups.Tuple.tuple("late", "InvalidParameterValue", true));
        var received = region.sqs
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                .messages();
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void deleteBatchDeletesTheValidHandlesAndReportsTheInvalidOne() {
        var url = region.create("delete-batch", Map.of());
        region.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("1", "a"), entry("2", "b")));
        var received = region.sqs
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                .messages();
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (int i = 0; i < received.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id("m" + i)
                    .receiptHandle(received.get(i).receiptHandle())
                    .build());
        }
        entries.add(DeleteMessageBatchRequestEntry.builder()
                .id("forged")
                .receiptHandle("AAAAforged")
                .build());

        var response = region.sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));

        assertThat(response.successful()).hasSize(2);
        assertThat(response.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("forged");
            assertThat(failure.code()).isEqualTo("ReceiptHandleIsInvalid");
        });
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("delete-batch"))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void changeVisibilityBatchShowsTheMessagesAgain() {
        var url = region.create("visibility-batch", Map.of());
        region.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("1", "a"), entry("2", "b")));
        var received = region.sqs
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                .messages();

        var response = region.sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url)
                .entries(received.stream()
                        .map(m -> ChangeMessageVisibilityBatchRequestEntry.builder()
                                .id(m.messageId())
                                .receiptHandle(m.receiptHandle())
                                .visibilityTimeout(0)
                                .build())
                        .toList()));

        assertThat(response.successful()).hasSize(2);
        assertThat(region.sqs
                        .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                        .messages())
                .hasSize(2);
    }

    @Test
    void malformedBatchesAreRefusedWhole() {
        var url = region.create("malformed-batch", Map.of());
        var eleven = new ArrayList<SendMessageBatchRequestEntry>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("e" + i, "m"));
        }

        assertThatThrownBy(
                        () -> region.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> region.sqs.sendMessageBatch(
                        b -> b.queueUrl(url).entries(entry("same", "a"), entry("same", "b"))))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(
                        () -> region.sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("no spaces", "a"))))
                .isInstanceOf(InvalidBatchEntryIdException.class);
        assertThatThrownBy(() -> region.sqs.deleteMessageBatch(
                        b -> b.queueUrl(url).entries(new ArrayList<DeleteMessageBatchRequestEntry>())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("malformed-batch"))
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }
}
