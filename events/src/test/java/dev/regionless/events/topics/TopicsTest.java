package dev.regionless.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.MutableClock;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.ReceiveOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics on a real (RocksDB) store, delivering to a real queue store; no function is deployed. */
class TopicsTest {
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-2:123456789012:";

    @TempDir
    Path folder;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    QueueStore queues;
    Functions functions;
    Topics topics;

    @BeforeEach
    void open() {
        queues = QueueStore.open(folder.resolve("queues"), "eu-west-2", "123456789012", clock);
        functions = Functions.create(
                FunctionsConfig.defaults("eu-west-2", URI.create("http://127.0.0.1:1"), folder.resolve("logs")));
        topics = openTopics();
    }

    private Topics openTopics() {
        return Topics.open(
                TopicsConfig.defaults(
                        folder.resolve("topics"), "eu-west-2", "123456789012", URI.create("http://127.0.0.1:1"), clock),
                queues,
                functions);
    }

    @AfterEach
    void close() {
        topics.close();
        functions.close();
        queues.close();
    }

    @Test
    void aFunctionThatIsNotDeployedHoldsUpNeitherTheQueueNorThePublisher() {
        var topic = topics.createTopic("orders", Map.of(), Map.of()).arn();
        queues.createQueue("orders", Map.of(), Map.of());
        topics.subscribe(topic, "lambda", "arn:aws:lambda:eu-west-2:123456789012:function:missing", Map.of());
        topics.subscribe(topic, "sqs", QUEUE_ARN + "orders", Map.of("RawMessageDelivery", "true"));

        topics.publish(topic, Publication.of("hello"));

        assertThat(receiveAll("orders", 1)).containsExactly("hello");
        // The queue's delivery leaves the owed ones just after the queue has it; the function's stays.
        await().atMost(Duration.ofSeconds(10)).until(() -> topics.pendingDeliveries() == 1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(topics.pendingDeliveries()).isEqualTo(1);
    }

    @Test
    void deliveriesOwedAreKeptAcrossAReopenAndMadeOnceTheQueueExists() {
        var topic = topics.createTopic("orders", Map.of(), Map.of()).arn();
        topics.subscribe(topic, "sqs", QUEUE_ARN + "late", Map.of("RawMessageDelivery", "true"));
        topics.publish(topic, Publication.of("first"));
        topics.publish(topic, Publication.of("second"));

        topics.close();
        topics = openTopics();
        queues.createQueue("late", Map.of(), Map.of());
        clock.advance(Duration.ofMinutes(5));

        assertThat(receiveAll("late", 2)).containsExactlyInAnyOrder("first", "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> topics.pendingDeliveries() == 0);
        assertThat(topics.topics()).extracting(Topic::name).containsExactly("orders");
        assertThat(topics.subscriptionsOf(topic)).hasSize(1);
    }

    @Test
    void aFifoDuplicateWithinFiveMinutesAnswersTheFirstMessageAndIsNotDeliveredAgain() {
        var topic = topics.createTopic(
                        "orders.fifo", Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"), Map.of())
                .arn();
        queues.createQueue("orders.fifo", Map.of("FifoQueue", "true"), Map.of());
        topics.subscribe(topic, "sqs", QUEUE_ARN + "orders.fifo", Map.of("RawMessageDelivery", "true"));
        var message = new Publication("same", null, null, Map.of(), "g", null);

        var first = topics.publish(topic, message);
        var duplicate = topics.publish(topic, message);
        var delivered = receiveAll("orders.fifo", 1);
        // The queue deduplicates by the same id for five minutes of its own: the later message must find it expired.
        clock.advance(Duration.ofMinutes(6));
        var later = topics.publish(topic, message);

        assertThat(duplicate).isEqualTo(first);
        assertThat(delivered).containsExactly("same");
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(later.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        assertThat(receiveAll("orders.fifo", 1)).containsExactly("same");
    }

    @Test
    void deletingATopicDropsItsSubscriptionsAndTheDeliveriesTheyWereOwed() {
        var topic = topics.createTopic("orders", Map.of(), Map.of()).arn();
        topics.subscribe(topic, "sqs", QUEUE_ARN + "never", Map.of());
        topics.publish(topic, Publication.of("lost with its topic"));

        topics.deleteTopic(topic);
        clock.advance(Duration.ofMinutes(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> topics.pendingDeliveries() == 0);
        assertThat(topics.subscriptions()).isEmpty();
        assertThat(topics.topic(topic)).isEmpty();
    }

    /** Receives (and deletes) until {@code count} messages came; answers their bodies in order. */
    private List<String> receiveAll(String queue, int count) {
        var bodies = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (var message : queues.receive(queue, ReceiveOptions.of(10))) {
                bodies.add(message.body());
                queues.deleteMessage(queue, message.receiptHandle());
            }
            return bodies.size() >= count;
        });
        return bodies;
    }
}
