package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Message move tasks are stored: a region restarted while a task runs lists it again and finishes it, moving every
 * message exactly once; a finished task is still listed after another restart.
 */
class MoveTasksAcrossRestartIT {
    private static final int MESSAGES = 30;

    @TempDir
    Path folder;

    @Test
    void aTaskRunningWhenTheRegionStopsResumesAfterTheRestartAndMovesEachMessageOnce() {
        String dlqArn;
        String handle;
        try (var region = new QueueRegion(folder)) {
            var dlq = deadLetterQueue(region, "restart");
            dlqArn = region.arn(dlq);
            var replayArn = region.arn(region.create("restart-replay", Map.of()));
            for (int first = 0; first < MESSAGES; first += 10) {
                var entries = IntStream.range(first, first + 10)
                        .mapToObj(n -> SendMessageBatchRequestEntry.builder()
                                .id("m" + n)
                                .messageBody("message " + n)
                                .build())
                        .toList();
                region.sqs.sendMessageBatch(b -> b.queueUrl(dlq).entries(entries));
            }
            // Ten a second: one pass of ten, then a second's pause, during which the region stops.
            handle = region.sqs
                    .startMessageMoveTask(
                            b -> b.sourceArn(dlqArn).destinationArn(replayArn).maxNumberOfMessagesPerSecond(10))
                    .taskHandle();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> latest(region, dlqArn).approximateNumberOfMessagesMoved() >= 10);
        }

        ListMessageMoveTasksResultEntry afterRestart;
        ListMessageMoveTasksResultEntry finished;
        Set<String> bodies;
        try (var region = new QueueRegion(folder)) {
            afterRestart = latest(region, dlqArn);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> latest(region, dlqArn).status().equals("COMPLETED"));
            finished = latest(region, dlqArn);
            bodies = drain(
                    region,
                    region.sqs.getQueueUrl(b -> b.queueName("restart-replay")).queueUrl());
            assertThat(count(region, "restart-dlq")).isZero();
        }
        ListMessageMoveTasksResultEntry afterSecondRestart;
        try (var region = new QueueRegion(folder)) {
            afterSecondRestart = latest(region, dlqArn);
        }

        assertThat(afterRestart.approximateNumberOfMessagesMoved()).isGreaterThanOrEqualTo(10);
        assertThat(afterRestart.approximateNumberOfMessagesToMove()).isEqualTo(MESSAGES);
        assertThat(finished.approximateNumberOfMessagesMoved()).isEqualTo(MESSAGES);
        assertThat(bodies).hasSize(MESSAGES);
        assertThat(afterSecondRestart.status()).isEqualTo("COMPLETED");
        assertThat(afterSecondRestart.approximateNumberOfMessagesMoved()).isEqualTo(MESSAGES);
        assertThat(afterSecondRestart.taskHandle()).isNull();
        assertThat(handle).isNotBlank();
    }

    @Test
    void aCancelledTaskStaysCancelledAfterARestart() {
        String dlqArn;
        try (var region = new QueueRegion(folder)) {
            var dlq = deadLetterQueue(region, "cancel");
            dlqArn = region.arn(dlq);
            var replayArn = region.arn(region.create("cancel-replay", Map.of()));
            for (int n = 0; n < 5; n++) {
                int body = n;
                region.sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("message " + body));
            }
            var handle = region.sqs
                    .startMessageMoveTask(
                            b -> b.sourceArn(dlqArn).destinationArn(replayArn).maxNumberOfMessagesPerSecond(1))
                    .taskHandle();
            region.sqs.cancelMessageMoveTask(b -> b.taskHandle(handle));
        }

        ListMessageMoveTasksResultEntry task;
        long left;
        try (var region = new QueueRegion(folder)) {
            task = latest(region, dlqArn);
            left = count(region, "cancel-dlq");
        }

        assertThat(task.status()).isEqualTo("CANCELLED");
        assertThat(left + task.approximateNumberOfMessagesMoved()).isEqualTo(5);
    }

    /** Creates PREFIX-dlq as the dead-letter queue of PREFIX-source (a move task's source must be one); its URL. */
    private static String deadLetterQueue(QueueRegion region, String prefix) {
        var dlq = region.create(prefix + "-dlq", Map.of());
        var policy = "{\"deadLetterTargetArn\":\"" + region.arn(dlq) + "\",\"maxReceiveCount\":3}";
        region.create(prefix + "-source", Map.of("RedrivePolicy", policy));
        return dlq;
    }

    private static ListMessageMoveTasksResultEntry latest(QueueRegion region, String sourceArn) {
        return region.sqs
                .listMessageMoveTasks(b -> b.sourceArn(sourceArn))
                .results()
                .get(0);
    }

    private static long count(QueueRegion region, String name) {
        return Long.parseLong(region.regions
                .region(QueueRegion.REGION)
                .queues()
                .attributes(name)
                .get("ApproximateNumberOfMessages"));
    }

    /** Receives and deletes every message, answering their bodies; a body received twice counts once. */
    private static Set<String> drain(QueueRegion region, String url) {
        var bodies = new HashSet<String>();
        int received = 0;
        while (true) {
            var messages = region.sqs
                    .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                    .messages();
            if (messages.isEmpty()) {
                break;
            }
            for (var message : messages) {
                bodies.add(message.body());
                region.sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                received++;
            }
        }
        assertThat(received).as("messages received, duplicates included").isEqualTo(bodies.size());
        return bodies;
    }
}
