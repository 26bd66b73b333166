package dev.regionless.testkit;

import static dev.regionless.testkit.QueueApp.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Queues feeding functions, as a user drives them: messages sent with {@code SqsClient}, mappings declared in the
 * template ({@code Events: Type: SQS}) or created with {@code LambdaClient}, handlers written against the real
 * {@code SQSEvent}. Visibility timeouts run on the region's clock, which the tests move.
 */
class QueueEventSourceIT {
    @RegisterExtension
    final RegionExtension regions = RegionExtension.builder()
            .regions(REGION)
            .template(QueueApp.template())
            .build();

    SqsClient sqs;
    LambdaClient lambda;
    QueueApp.Received received;

    @BeforeEach
    void clients() {
        sqs = regions.sqs(REGION);
        lambda = regions.lambda(REGION);
        received = new QueueApp.Received(regions);
    }

    @AfterEach
    void close() {
        received.close();
    }

    private String url(String queue) {
        return sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private String arn(String queue) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url(queue)).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** Messages waiting and in flight. */
    private List<Integer> counts(String queue) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url(queue))
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return List.of(
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    }

    private void sendBatch(String queue, String... bodies) {
        var entries = IntStream.range(0, bodies.length)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(bodies[i])
                        .build())
                .toList();
        var response = sqs.sendMessageBatch(b -> b.queueUrl(url(queue)).entries(entries));
        assertThat(response.failed()).isEmpty();
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The template's queues hide a received message for 180 s, six times the functions' 30 s timeout. */
    private static final Duration VISIBILITY_PASSED = Duration.ofSeconds(181);

    @Test
    void aBatchIsDeliveredAsAnSqsEventAndDeletedOnceTheFunctionSucceeds() {
        var sent = sqs.sendMessage(b -> b.queueUrl(url("jobs"))
                .messageBody("hello")
                .messageAttributes(Map.of(
                        "kind",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("greeting")
                                .build())));
        sendBatch("jobs", "two", "three");

        await().atMost(PATIENCE).until(() -> received.processed().size() == 3);

        assertThat(received.processed()).containsExactlyInAnyOrder("hello", "two", "three");
        var hello = received.message("hello");
        assertThat(hello)
                .containsEntry("messageId", sent.messageId())
                .containsEntry("md5OfBody", sent.md5OfMessageBody())
                .containsEntry("eventSource", "aws:sqs")
                .containsEntry("eventSourceARN", arn("jobs"))
                .containsEntry("awsRegion", REGION)
                .containsEntry("receiveCount", "1")
                .containsEntry("senderId", "123456789012")
                .containsEntry("kind", "greeting")
                .containsEntry("deliveries", "1");
        assertThat(Long.parseLong(hello.get("firstReceive")))
                .isGreaterThanOrEqualTo(Long.parseLong(hello.get("sentTimestamp")));
        await().atMost(PATIENCE).until(() -> counts("jobs").equals(List.of(0, 0)));
    }

    @Test
    void aFailingBatchComesBackAfterTheVisibilityTimeoutAndEndsInTheDeadLetterQueue() {
        sqs.sendMessage(b -> b.queueUrl(url("jobs")).messageBody("poison-pill"));
        await().atMost(PATIENCE).until(() -> received.invocations().equals(List.of("poison-pill failed")));
        assertThat(counts("jobs")).isEqualTo(List.of(0, 1));

        regions.clock().advance(VISIBILITY_PASSED);
        await().atMost(PATIENCE).until(() -> received.invocations().size() == 2);
        regions.clock().advance(VISIBILITY_PASSED);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(counts("jobs-dlq"))
                        .as("jobs-dlq; jobs holds %s, the invocations were %s", counts("jobs"), received.invocations())
                        .isEqualTo(List.of(1, 0)));
        var dead = sqs.receiveMessage(b -> b.queueUrl(url("jobs-dlq")).messageSystemAttributeNamesWithStrings("All"))
                .messages();
        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("poison-pill");
            assertThat(message.attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn", arn("jobs"));
        });
        assertThat(received.invocations()).containsExactly("poison-pill failed", "poison-pill failed");
        assertThat(counts("jobs")).isEqualTo(List.of(0, 0));
    }

    @Test
    void aPartialBatchFailureDeletesOnlyTheMessagesTheFunctionDidNotReport() {
        sendBatch("partial", "a", "poison-b", "c");

        await().atMost(PATIENCE).until(() -> received.processed().size() == 2);
        assertThat(received.processed()).containsExactlyInAnyOrder("a", "c");
        await().atMost(PATIENCE).until(() -> counts("partial").equals(List.of(0, 1)));

        regions.clock().advance(VISIBILITY_PASSED);

        await().atMost(PATIENCE).until(() -> received.invocations().size() == 2);
        assertThat(received.invocations()).containsExactly("a,poison-b,c partial", "poison-b partial");
        assertThat(received.processed()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void aFifoQueueDeliversEachGroupInOrderAcrossBatches() {
        for (int i = 1; i <= 6; i++) {
            for (var group : List.of("a", "b")) {
                var body = group + i;
                sqs.sendMessage(b -> b.queueUrl(url("ordered.fifo"))
                        .messageBody(body)
                        .messageGroupId(group)
                        .messageDeduplicationId(body));
            }
        }

        await().atMost(PATIENCE).until(() -> received.processed().size() == 12);

        var processed = received.processed();
        assertThat(processed.stream().filter(body -> body.startsWith("a")))
                .containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
        assertThat(processed.stream().filter(body -> body.startsWith("b")))
                .containsExactly("b1", "b2", "b3", "b4", "b5", "b6");
        assertThat(received.invocations())
                .allSatisfy(
                        invocation -> assertThat(invocation.split(",").length).isLessThanOrEqualTo(4));
    }

    @Test
    void aThrottledFunctionLeavesItsMessagesOnTheQueue() {
        sqs.sendMessage(b -> b.queueUrl(url("throttled")).messageBody("waiting"));

        await().atMost(PATIENCE).until(() -> throttles("ThrottledWorker") > 0);

        assertThat(counts("throttled").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(1);
        assertThat(received.processed()).isEmpty();
    }

    private long throttles(String function) {
        return regions.region(REGION).functions().usage().stream()
                .filter(usage -> usage.functionName().equals(function))
                .mapToLong(dev.regionless.functions.FunctionUsage::throttles)
                .sum();
    }

    @Test
    void aMappingCreatedThroughTheApiFiltersDeliversAndOutlivesARegionRestart() {
        var queueUrl = sqs.createQueue(b -> b.queueName("api-jobs")).queueUrl();
        var created = lambda.createEventSourceMapping(b -> b.functionName("Unmapped")
                .eventSourceArn(arn("api-jobs"))
                .batchSize(5)
                .scalingConfig(s -> s.maximumConcurrency(3))
                .filterCriteria(f -> f.filters(Filter.builder()
                        .pattern("{\"body\": [{\"anything-but\": [\"skip\"]}]}")
                        .build()))
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.batchSize()).isEqualTo(5);
        assertThat(created.scalingConfig().maximumConcurrency()).isEqualTo(3);
        assertThat(created.startingPosition()).isNull();
        assertThat(created.eventSourceArn()).isEqualTo(arn("api-jobs"));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("skip"));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("before"));
        await().atMost(PATIENCE).until(() -> received.processed().contains("before"));
        await().atMost(PATIENCE).until(() -> counts("api-jobs").equals(List.of(0, 0)));

        received.close();
        regions.restart();
        sqs = regions.sqs(REGION);
        lambda = regions.lambda(REGION);
        received = new QueueApp.Received(regions);
        sqs.sendMessage(b -> b.queueUrl(url("api-jobs")).messageBody("after"));

        await().atMost(PATIENCE).until(() -> received.processed().contains("after"));
        var kept = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(kept.state()).isEqualTo("Enabled");
        assertThat(kept.scalingConfig().maximumConcurrency()).isEqualTo(3);
        assertThat(kept.filterCriteria().filters())
                .singleElement()
                .satisfies(filter ->
                        assertThat(filter.pattern()).isEqualTo("{\"body\": [{\"anything-but\": [\"skip\"]}]}"));
        assertThat(received.processed()).containsExactly("before", "after");
    }

    @Test
    void disablingAMappingStopsItsPoller() {
        sqs.createQueue(b -> b.queueName("api-jobs"));
        var uuid = lambda.createEventSourceMapping(
                        b -> b.functionName("Unmapped").eventSourceArn(arn("api-jobs")))
                .uuid();
        var queues = regions.region(REGION).queues();
        await().atMost(PATIENCE).until(() -> queues.waitingReceivers("api-jobs") > 0);

        var disabled = lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        sqs.sendMessage(b -> b.queueUrl(url("api-jobs")).messageBody("while disabled"));

        assertThat(disabled.state()).isEqualTo("Disabling");
        assertThat(queues.waitingReceivers("api-jobs")).isZero();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url("api-jobs"))).messages())
                .singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("while disabled"));
    }

    private void assertRefused(Consumer<CreateEventSourceMappingRequest.Builder> request, String message) {
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> {
                    b.functionName("Unmapped");
                    request.accept(b);
                }))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                })
                .hasMessageContaining(message);
    }

    @Test
    void badMappingsGetLambdasInvalidParameterValueException() {
        var jobs = arn("jobs");

        assertRefused(
                b -> b.eventSourceArn(jobs).batchSize(11_000).maximumBatchingWindowInSeconds(1),
                "Value '11000' at 'batchSize' failed to satisfy constraint: Member must have value less than or"
                        + " equal to 10000");
        assertRefused(
                b -> b.eventSourceArn(jobs.replace(":jobs", ":missing")), "there is no queue missing in " + REGION);
        assertRefused(
                b -> b.eventSourceArn(jobs).scalingConfig(s -> s.maximumConcurrency(1)),
                "Value '1' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 2");
        assertRefused(
                b -> b.eventSourceArn(jobs).batchSize(100),
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        assertRefused(
                b -> b.eventSourceArn(jobs).startingPosition(EventSourcePosition.LATEST),
                "StartingPosition is not valid for SQS event sources.");
        assertRefused(
                b -> b.eventSourceArn(arn("ordered.fifo")).batchSize(20).maximumBatchingWindowInSeconds(1),
                "1..10 for a FIFO queue");
    }
}
