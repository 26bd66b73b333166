package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Dead-letter queues: messages received maxReceiveCount times move there, and a move task brings them back. */
class DeadLetterQueuesIT {
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
    void messageMovesToTheDeadLetterQueueAfterMaxReceiveCountAndARedriveBringsItBack() {
        var dlq = region.create("orders-dlq", Map.of());
        var dlqArn = region.arn(dlq);
        var source = region.create(
                "orders",
                Map.of(
                        "VisibilityTimeout",
                        "10",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}"));
        var sent = region.sqs.sendMessage(b -> b.queueUrl(source).messageBody("poison"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(receive(source)).hasSize(1);
            region.advance(Duration.ofSeconds(11));
        }
        var fourth = receive(source);
        var dead = receive(dlq);

        assertThat(fourth).isEmpty();
        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(sent.messageId());
            assertThat(message.attributes())
                    .containsEntry(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN, region.arn(source));
        });
        assertThat(region.sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls())
                .containsExactly(source);

        region.advance(Duration.ofSeconds(31)); // the dead letter's own visibility timeout
        var handle = region.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn)).taskHandle();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> region.sqs
                        .listMessageMoveTasks(b -> b.sourceArn(dlqArn))
                        .results()
                        .get(0)
                        .status()
                        .equals("COMPLETED"));
        var task = region.sqs
                .listMessageMoveTasks(b -> b.sourceArn(dlqArn))
                .results()
                .get(0);
        var redriven = receive(source);

        assertThat(handle).isNotBlank();
        assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(1);
        assertThat(redriven).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("poison");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        });
        assertThat(receive(dlq)).isEmpty();
    }

    @Test
    void moveTaskCanTargetAnotherQueue() {
        var dlq = region.create("billing-dlq", Map.of());
        var dlqArn = region.arn(dlq);
        region.create(
                "billing",
                Map.of(
                        "VisibilityTimeout",
                        "0",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}"));
        var replay = region.create("billing-replay", Map.of());
        var source = region.sqs.getQueueUrl(b -> b.queueName("billing")).queueUrl();
        for (int i = 0; i < 3; i++) {
            int n = i;
            region.sqs.sendMessage(b -> b.queueUrl(source).messageBody("bill " + n));
        }
        receive(source);
        receive(source); // each has been received once: this receive moves them
        assertThat(approximate(dlq)).isEqualTo(3);

        region.sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(region.arn(replay)));
        await().atMost(Duration.ofSeconds(10)).until(() -> approximate(replay) == 3);

        assertThat(approximate(dlq)).isZero();
        assertThat(approximate(source)).isZero();
    }

    @Test
    void moveTaskFromAQueueThatIsNoDeadLetterQueueIsRefused() {
        var plain = region.create("plain", Map.of());

        assertThatThrownBy(() -> region.sqs.startMessageMoveTask(b -> b.sourceArn(region.arn(plain))))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Dead Letter Queue");
        assertThatThrownBy(() ->
                        region.sqs.startMessageMoveTask(b -> b.sourceArn("arn:aws:sqs:eu-west-2:123456789012:missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> region.sqs.cancelMessageMoveTask(b -> b.taskHandle("no-such-task")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void redrivePolicyNamingAMissingQueueIsRefused() {
        assertThatThrownBy(() -> region.create(
                        "orphan",
                        Map.of(
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-2:123456789012:nowhere\","
                                        + "\"maxReceiveCount\":3}")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Dead-letter target does not exist");
    }

    @Test
    void deadLetterQueueThatDeniesAllSourcesIsRefusedAsATarget() {
        var dlq = region.create("closed-dlq", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"));

        assertThatThrownBy(() -> region.create(
                        "refused",
                        Map.of(
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\"" + region.arn(dlq) + "\",\"maxReceiveCount\":3}")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("RedriveAllowPolicy");
    }

    private static long approximate(String url) {
        return Long.parseLong(region.sqs
                .getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                .attributesAsStrings()
                .get("ApproximateNumberOfMessages"));
    }

    private static List<Message> receive(String url) {
        return region.sqs
                .receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }
}
