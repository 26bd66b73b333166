package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** Standard queues through the AWS SDK's SqsClient: sending, receiving, visibility, long polling, attributes, tags. */
class QueuesIT {
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
    void messageReappearsAfterVisibilityTimeoutWithAHigherReceiveCount() {
        var url = region.create("visibility", Map.of("VisibilityTimeout", "30"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("work"));

        var first = receive(url, 10);
        var hidden = receive(url, 10);
        region.advance(Duration.ofSeconds(31));
        var again = receive(url, 10);

        assertThat(first).extracting(Message::body).containsExactly("work");
        assertThat(hidden).isEmpty();
        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(first.get(0).messageId());
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        });
    }

    @Test
    void deletedMessageIsNeverDeliveredAgain() {
        var url = region.create("deleted", Map.of("VisibilityTimeout", "5"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("once"));
        var message = receive(url, 1).get(0);

        region.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
        region.advance(Duration.ofSeconds(10));

        assertThat(receive(url, 10)).isEmpty();
    }

    @Test
    void changeMessageVisibilityToZeroShowsTheMessageAgainAtOnce() {
        var url = region.create("visibility-change", Map.of("VisibilityTimeout", "300"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("retry me"));
        var message = receive(url, 1).get(0);

        region.sqs.changeMessageVisibility(
                b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));

        assertThat(receive(url, 1)).extracting(Message::body).containsExactly("retry me");
    }

    @Test
    void longPollingReturnsAsSoonAsAMessageArrives() {
        var url = region.create("long-poll", Map.of());
        var poll = CompletableFuture.supplyAsync(() -> region.sqs
                .receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20).maxNumberOfMessages(10))
                .messages());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> region.regions.region(QueueRegion.REGION).queues().waitingReceivers("long-poll") == 1);

        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake up"));

        var messages = poll.orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(messages).extracting(Message::body).containsExactly("wake up");
    }

    @Test
    void longPollingWithNothingToReceiveAnswersAnEmptyListAfterTheWait() {
        var url = region.create("long-poll-empty", Map.of());

        var messages = region.sqs
                .receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1))
                .messages();

        assertThat(messages).isEmpty();
    }

    @Test
    void delayedMessageIsReceivedOnlyAfterItsDelay() {
        var url = region.create("delayed", Map.of());
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));

        var early = receive(url, 1);
        region.advance(Duration.ofSeconds(60));
        var onTime = receive(url, 1);

        assertThat(early).isEmpty();
        assertThat(onTime).extracting(Message::body).containsExactly("later");
    }

    @Test
    void messageAttributesAndSystemAttributesRoundTripWithChecksumsTheSdkVerifies() {
        var url = region.create("attributes", Map.of());
        var sent = region.sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody("héllo wörld ✓")
                .messageAttributes(Map.of(
                        "text",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("a value")
                                        .build(),
                        "count",
                                MessageAttributeValue.builder()
                                        .dataType("Number.int")
                                        .stringValue("42")
                                        .build(),
                        "blob",
                                MessageAttributeValue.builder()
                                        .dataType("Binary")
                                        .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3, (byte) 255}))
                                        .build())));

        var message = region.sqs
                .receiveMessage(b -> b.queueUrl(url)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .get(0);

        assertThat(sent.md5OfMessageAttributes()).isNotNull();
        assertThat(message.body()).isEqualTo("héllo wörld ✓");
        assertThat(message.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(message.messageAttributes().get("count").stringValue()).isEqualTo("42");
        assertThat(message.messageAttributes().get("blob").binaryValue().asByteArray())
                .containsExactly(1, 2, 3, 255);
        assertThat(message.attributes())
                .containsKeys(
                        MessageSystemAttributeName.SENT_TIMESTAMP,
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
                        MessageSystemAttributeName.SENDER_ID)
                .containsEntry(MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(region.clock.millis()));
    }

    @Test
    void receiveReturnsOnlyTheMessageAttributesAskedFor() {
        var url = region.create("attribute-names", Map.of());
        region.sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody("x")
                .messageAttributes(Map.of(
                        "order.id",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("1")
                                        .build(),
                        "other",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("2")
                                        .build())));

        var message = region.sqs
                .receiveMessage(b -> b.queueUrl(url).messageAttributeNames("order.*"))
                .messages()
                .get(0);

        assertThat(message.messageAttributes()).containsOnlyKeys("order.id");
    }

    @Test
    void queueAttributesRoundTripAndCountMessages() {
        var url = region.create("settings", Map.of("VisibilityTimeout", "45", "DelaySeconds", "0"));
        region.sqs.setQueueAttributes(b -> b.queueUrl(url)
                .attributesWithStrings(Map.of(
                        "MessageRetentionPeriod", "86400",
                        "ReceiveMessageWaitTimeSeconds", "2",
                        "MaximumMessageSize", "2048")));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("visible"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(30));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("in flight"));
        receive(url, 1);

        var attributes = region.sqs
                .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();

        assertThat(attributes)
                .containsEntry("VisibilityTimeout", "45")
                .containsEntry("MessageRetentionPeriod", "86400")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "2")
                .containsEntry("MaximumMessageSize", "2048")
                .containsEntry("ApproximateNumberOfMessages", "1")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "1")
                .containsEntry("QueueArn", "arn:aws:sqs:eu-west-2:123456789012:settings")
                .containsKeys("CreatedTimestamp", "LastModifiedTimestamp");
    }

    @Test
    void tagsCanBeAddedListedAndRemoved() {
        var url = region.sqs
                .createQueue(b -> b.queueName("tagged").tags(Map.of("team", "chat")))
                .queueUrl();

        region.sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("env", "test", "team", "queues")));
        region.sqs.untagQueue(b -> b.queueUrl(url).tagKeys("env"));

        assertThat(region.sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("team", "queues"));
    }

    @Test
    void purgeDeletesEveryMessageAndASecondPurgeWithinAMinuteIsRefused() {
        var url = region.create("purged", Map.of());
        for (int i = 0; i < 5; i++) {
            int n = i;
            region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
        }

        region.sqs.purgeQueue(b -> b.queueUrl(url));

        assertThat(receive(url, 10)).isEmpty();
        assertThatThrownBy(() -> region.sqs.purgeQueue(b -> b.queueUrl(url)))
                .isInstanceOf(PurgeQueueInProgressException.class);
        region.advance(Duration.ofSeconds(61));
        region.sqs.purgeQueue(b -> b.queueUrl(url));
    }

    @Test
    void getQueueUrlListQueuesAndDeleteQueue() {
        var url = region.create("listed-one", Map.of());
        region.create("listed-two", Map.of());
        region.create("listed-three", Map.of());

        var found = region.sqs.getQueueUrl(b -> b.queueName("listed-one")).queueUrl();
        var firstPage = region.sqs.listQueues(b -> b.queueNamePrefix("listed-").maxResults(2));
        var secondPage = region.sqs.listQueues(
                b -> b.queueNamePrefix("listed-").maxResults(2).nextToken(firstPage.nextToken()));
        region.sqs.deleteQueue(b -> b.queueUrl(url));

        assertThat(found).isEqualTo(url).isEqualTo(region.service() + "/123456789012/listed-one");
        assertThat(firstPage.queueUrls()).hasSize(2);
        assertThat(secondPage.queueUrls()).hasSize(1);
        assertThat(secondPage.nextToken()).isNull();
        assertThatThrownBy(() -> region.sqs.getQueueUrl(b -> b.queueName("listed-one")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void aDeletedQueuesNameCanBeUsedAgainOnlySixtySecondsLater() {
        var url = region.create("reused", Map.of());
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("from the old queue"));
        region.sqs.deleteQueue(b -> b.queueUrl(url));

        region.advance(Duration.ofSeconds(59));
        var tooSoon = org.assertj.core.api.Assertions.catchThrowable(() -> region.create("reused", Map.of()));
        region.advance(Duration.ofSeconds(1));
        var again = region.create("reused", Map.of());

        assertThat(tooSoon)
                .isInstanceOf(QueueDeletedRecentlyException.class)
                .hasMessageContaining("wait 60 seconds")
                .hasMessageContaining("reused");
        assertThat(again).isEqualTo(url);
        assertThat(receive(again, 10)).isEmpty();
    }

    @Test
    void creatingAnExistingQueueWithOtherAttributesIsRefusedAndWithTheSameAnswersIt() {
        var url = region.create("existing", Map.of("VisibilityTimeout", "10"));

        var same = region.create("existing", Map.of("VisibilityTimeout", "10"));

        assertThat(same).isEqualTo(url);
        assertThatThrownBy(() -> region.create("existing", Map.of("VisibilityTimeout", "20")))
                .isInstanceOf(QueueNameExistsException.class);
    }

    private static List<Message> receive(String url, int max) {
        return region.sqs
                .receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(max)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }
}
