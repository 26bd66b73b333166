package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Bad input gets SQS's own error, typed as the SDK knows it, and changes nothing: no message is lost or added, the
 * region keeps serving.
 */
class QueueBadInputIT {
    @TempDir
    static Path folder;

    static QueueRegion region;
    static String url;

    @BeforeAll
    static void start() {
        region = new QueueRegion(folder.resolve("data"));
        url = region.create("guarded", Map.of("VisibilityTimeout", "30"));
        region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("survivor"));
    }

    @AfterAll
    static void stop() {
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("guarded"))
                .containsEntry("ApproximateNumberOfMessages", "1");
        region.close();
    }

    @Test
    void redrivePolicyWithMaxReceiveCountZeroIsInvalid() {
        var dlq = region.create("bad-input-dlq", Map.of());
        var policy = "{\"deadLetterTargetArn\":\"" + region.arn(dlq) + "\",\"maxReceiveCount\":0}";

        assertThatThrownBy(() -> region.sqs.setQueueAttributes(
                        b -> b.queueUrl(url).attributesWithStrings(Map.of("RedrivePolicy", policy))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("maxReceiveCount: 0 (expected: 1..1000)");
    }

    @Test
    void attributeOutOfRangeIsInvalidAttributeValue() {
        assertThatThrownBy(() -> region.sqs.setQueueAttributes(
                        b -> b.queueUrl(url).attributesWithStrings(Map.of("VisibilityTimeout", "43201"))))
                .isInstanceOf(InvalidAttributeValueException.class)
                .hasMessageContaining("VisibilityTimeout: 43201 (expected: 0 to 43200 seconds)");
        assertThatThrownBy(() -> region.create("too-big", Map.of("MaximumMessageSize", "2000000")))
                .isInstanceOf(InvalidAttributeValueException.class);
    }

    @Test
    void unknownAttributeIsInvalidAttributeName() {
        assertThatThrownBy(() -> region.sqs.setQueueAttributes(
                        b -> b.queueUrl(url).attributesWithStrings(Map.of("Colour", "blue"))))
                .isInstanceOf(InvalidAttributeNameException.class);
    }

    @Test
    void messageOverTheMaximumSizeIsRefused() {
        var small = region.create("small-messages", Map.of("MaximumMessageSize", "1024"));

        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(small).messageBody("x".repeat(1025))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Message must be shorter than 1024 bytes");
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1_048_577))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Message must be shorter than 1048576 bytes");
    }

    @Test
    void messageOfOneMebibyteIsAccepted() {
        var big = region.create("big-messages", Map.of());
        var body = "y".repeat(1_048_576);

        region.sqs.sendMessage(b -> b.queueUrl(big).messageBody(body));

        assertThat(region.sqs
                        .receiveMessage(b -> b.queueUrl(big))
                        .messages()
                        .get(0)
                        .body())
                .hasSize(1_048_576);
    }

    @Test
    void batchOverOneMebibyteInTotalIsRefusedWholeAndQueuesNothing() {
        var queue = region.create("big-batches", Map.of());
        var half = "z".repeat(524_288);
        var entries = java.util.List.of(
                SendMessageBatchRequestEntry.builder().id("a").messageBody(half).build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody(half).build(),
                SendMessageBatchRequestEntry.builder()
                        .id("c")
                        .messageBody("one more")
                        .build());

        assertThatThrownBy(
                        () -> region.sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries)))
                .isInstanceOf(BatchRequestTooLongException.class)
                .hasMessageContaining("1048584")
                .hasMessageContaining("1048576");
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("big-batches"))
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void staleHandlesAreRefusedOnFifoQueuesAndForVisibilityChangesAndLoseNoMessage() {
        var fifo = region.create("stale.fifo", Map.of("FifoQueue", "true", "VisibilityTimeout", "10"));
        region.sqs.sendMessage(
                b -> b.queueUrl(fifo).messageBody("m").messageGroupId("g").messageDeduplicationId("1"));
        var stale = region.sqs
                .receiveMessage(b -> b.queueUrl(fifo))
                .messages()
                .get(0)
                .receiptHandle();
        region.advance(Duration.ofSeconds(11));
        var current = region.sqs
                .receiveMessage(b -> b.queueUrl(fifo))
                .messages()
                .get(0)
                .receiptHandle();

        assertThatThrownBy(() -> region.sqs.deleteMessage(b -> b.queueUrl(fifo).receiptHandle(stale)))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
        assertThatThrownBy(() -> region.sqs.changeMessageVisibility(
                        b -> b.queueUrl(fifo).receiptHandle(stale).visibilityTimeout(0)))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("ReceiptHandle");
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("stale.fifo"))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
        region.sqs.deleteMessage(b -> b.queueUrl(fifo).receiptHandle(current));
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("stale.fifo"))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void invalidCharactersAndBadMessageAttributesAreRefused() {
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url).messageBody("bell \u0007")))
                .isInstanceOf(InvalidMessageContentsException.class);
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url)
                        .messageBody("x")
                        .messageAttributes(Map.of(
                                "n",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("not a number")
                                        .build()))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("to a number");
        assertThatThrownBy(() -> region.sqs.sendMessage(b -> b.queueUrl(url)
                        .messageBody("x")
                        .messageAttributes(Map.of(
                                "AWS.reserved",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("v")
                                        .build()))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("attribute name");
    }

    @Test
    void forgedAndStaleReceiptHandlesAreRefused() {
        var queue = region.create("handles", Map.of("VisibilityTimeout", "10"));
        region.sqs.sendMessage(b -> b.queueUrl(queue).messageBody("m"));
        var handle = region.sqs
                .receiveMessage(b -> b.queueUrl(queue))
                .messages()
                .get(0)
                .receiptHandle();
        var forged = handle.substring(0, handle.length() - 2) + (handle.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> region.sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(forged)))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
        assertThatThrownBy(() -> region.sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle("garbage!")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
        assertThatThrownBy(() -> region.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle)))
                .isInstanceOf(ReceiptHandleIsInvalidException.class); // another queue's handle

        region.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> region.sqs.changeMessageVisibility(
                        b -> b.queueUrl(queue).receiptHandle(handle).visibilityTimeout(30)))
                .isInstanceOf(MessageNotInflightException.class);
        region.sqs.receiveMessage(b -> b.queueUrl(queue));
        region.sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(handle)); // stale: succeeds, deletes nothing
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("handles"))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
    }

    @Test
    void receiveParametersOutOfRangeAreRefused() {
        assertThatThrownBy(() -> region.sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("MaxNumberOfMessages");
        assertThatThrownBy(() -> region.sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("WaitTimeSeconds");
    }

    @Test
    void malformedJsonAndUnknownActionsAnswerErrorsNotStackTraces() throws Exception {
        var http = HttpClient.newHttpClient();

        var notJson = http.send(json("AmazonSQS.SendMessage", "{not json"), HttpResponse.BodyHandlers.ofString());
        var unknown = http.send(json("AmazonSQS.FlyToTheMoon", "{}"), HttpResponse.BodyHandlers.ofString());
        var missing = http.send(json("AmazonSQS.SendMessage", "{}"), HttpResponse.BodyHandlers.ofString());

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("SerializationException").doesNotContain("Exception:");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("MissingParameter").contains("QueueUrl");
        assertThat(missing.headers().firstValue("x-amzn-query-error")).hasValue("MissingParameter;Sender");
    }

    private static HttpRequest json(String target, String body) {
        return HttpRequest.newBuilder(URI.create(region.service() + "/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
