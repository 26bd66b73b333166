package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.AwsException;
import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.QueueStore;
import dev.regionless.queues.ReceiveOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue mappings over a real queue store, with a recording stand-in for the function runtime: what is deleted after
 * success, failure and partial batch responses, FIFO groups, dead letters, and stopping.
 */
class QueueSourcesTest {
    private static final String ACCOUNT = "000000000000";

    @TempDir
    Path folder;

    StreamTables tables;
    QueueStore queues;
    final QueueFunctions functions = new QueueFunctions();
    EventSources sources;

    @BeforeEach
    void open() {
        tables = new StreamTables(folder.resolve("tables"));
        queues = QueueStore.open(folder.resolve("queues"), StreamTables.REGION, ACCOUNT, tables.clock);
        var config = EventSourcesConfig.defaults(tables.clock)
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200));
        sources = EventSources.create(
                functions, tables.store, queues, config, FailureDestinations.functionsAndQueues(functions, queues));
    }

    @AfterEach
    void close() {
        sources.close();
        queues.close();
        tables.close();
    }

    private String queue(String name, Map<String, String> attributes) {
        queues.createQueue(name, attributes, Map.of());
        return queues.arn(name);
    }

    private void send(String queue, String... bodies) {
        for (var body : bodies) {
            queues.send(queue, OutgoingMessage.of(body));
        }
    }

    private long count(String queue, String attribute) {
        return Long.parseLong(queues.attributes(queue).get(attribute));
    }

    private void awaitEmpty(String queue) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(queue, "ApproximateNumberOfMessages")).isZero();
            assertThat(count(queue, "ApproximateNumberOfMessagesNotVisible")).isZero();
        });
    }

    private EventSourceMapping mapping(String queueArn) {
        return EventSourceMapping.ofQueue("m-1", QueueFunctions.NAME, queueArn);
    }

    @Test
    void aBatchArrivesAsAnSqsEventAndIsDeletedWhenTheFunctionSucceeds() {
        var arn = queue("jobs", Map.of());
        send("jobs", "a", "b", "c");

        sources.deploy(List.of(mapping(arn)));

        awaitEmpty("jobs");
        assertThat(functions.bodies().stream().flatMap(List::stream)).containsExactlyInAnyOrder("a", "b", "c");
        var record = functions.invocations.getFirst().getFirst();
        assertThat(record.get("eventSource").textValue()).isEqualTo("aws:sqs");
        assertThat(record.get("eventSourceARN").textValue()).isEqualTo(arn);
        assertThat(record.get("awsRegion").textValue()).isEqualTo(StreamTables.REGION);
        assertThat(record.get("attributes").get("ApproximateReceiveCount").textValue())
                .isEqualTo("1");
        assertThat(sources.describe("m-1").orElseThrow().lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    void aFailedBatchReappearsAfterTheVisibilityTimeoutAndLandsInTheDeadLetterQueueAfterMaxReceiveCount() {
        var deadLetters = queue("jobs-dlq", Map.of());
        var arn = queue(
                "jobs",
                Map.of(
                        "VisibilityTimeout",
                        "30",
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"" + deadLetters + "\",\"maxReceiveCount\":2}"));
        functions.answer = records -> QueueFunctions.failed();
        send("jobs", "poison");
        sources.deploy(List.of(mapping(arn)));
        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.size() == 1);

        tables.clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.size() == 2);
        tables.clock.advance(Duration.ofSeconds(31));

        await().atMost(Duration.ofSeconds(10)).until(() -> count("jobs-dlq", "ApproximateNumberOfMessages") == 1);
        awaitEmpty("jobs");
        assertThat(functions.bodies()).containsExactly(List.of("poison"), List.of("poison"));
        assertThat(functions
                        .invocations
                        .get(1)
                        .getFirst()
                        .get("attributes")
                        .get("ApproximateReceiveCount")
                        .textValue())
                .isEqualTo("2");
    }

    @Test
    void aPartialBatchResponseDeletesEveryMessageButTheReportedOnes() {
        var arn = queue("jobs", Map.of("VisibilityTimeout", "30"));
        functions.answer = records -> QueueFunctions.reportingFailuresOf(records, "poison");
        send("jobs", "a", "poison", "b");

        sources.deploy(List.of(
                mapping(arn).withFailureHandling(FailureHandling.defaults().withReportBatchItemFailures(true))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("jobs", "ApproximateNumberOfMessagesNotVisible")).isEqualTo(1);
            assertThat(count("jobs", "ApproximateNumberOfMessages")).isZero();
        });
        sources.close();
        var left = queues.receive("jobs", ReceiveOptions.of(10).hidingFor(Duration.ZERO));
        assertThat(left).isEmpty(); // still hidden: it returns only after its visibility timeout
        tables.clock.advance(Duration.ofSeconds(31));
        assertThat(queues.receive("jobs", ReceiveOptions.of(10)))
                .singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("poison"));
        assertThat(sources.describeAll()).isNotEmpty();
    }

    @Test
    void aPartialBatchResponseNamingNoMessageOfTheBatchFailsTheWholeBatch() {
        var arn = queue("jobs", Map.of("VisibilityTimeout", "30"));
        functions.answer =
                records -> QueueFunctions.completed("{\"batchItemFailures\":[{\"itemIdentifier\":\"not-an-id\"}]}");
        send("jobs", "a", "b");

        sources.deploy(List.of(
                mapping(arn).withFailureHandling(FailureHandling.defaults().withReportBatchItemFailures(true))));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count("jobs", "ApproximateNumberOfMessagesNotVisible"))
                        .isEqualTo(2));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(sources.describe("m-1").orElseThrow().lastProcessingResult())
                                .isEqualTo("PROBLEM: Function call failed"));
    }

    @Test
    void inAFifoQueueAFailedMessageHoldsBackTheRestOfItsGroupButNotOtherGroups() {
        var arn = queue("jobs.fifo", Map.of("FifoQueue", "true", "VisibilityTimeout", "30"));
        functions.answer = records -> QueueFunctions.reportingFailuresOf(records, "poison");
        queues.send("jobs.fifo", OutgoingMessage.of("a1").inGroup("a", "1"));
        queues.send("jobs.fifo", OutgoingMessage.of("poison-a2").inGroup("a", "2"));
        queues.send("jobs.fifo", OutgoingMessage.of("a3").inGroup("a", "3"));
        queues.send("jobs.fifo", OutgoingMessage.of("b1").inGroup("b", "4"));

        sources.deploy(List.of(
                mapping(arn).withFailureHandling(FailureHandling.defaults().withReportBatchItemFailures(true))));

        // a1 and b1 are done; poison-a2 failed and a3, behind it in its group, was not deleted either.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("jobs.fifo", "ApproximateNumberOfMessagesNotVisible"))
                    .isEqualTo(2);
            assertThat(count("jobs.fifo", "ApproximateNumberOfMessages")).isZero();
        });
        assertThat(functions.bodies().getFirst()).containsExactly("a1", "poison-a2", "a3", "b1");
        functions.answer = records -> QueueFunctions.completed("null");
        tables.clock.advance(Duration.ofSeconds(31));
        awaitEmpty("jobs.fifo");
        assertThat(functions.bodies().getLast()).containsExactly("poison-a2", "a3");
    }

    @Test
    void pollersScaleWithTheBacklogUpToTheMaximumConcurrencyAndNoFurther() throws InterruptedException {
        var arn = queue("jobs", Map.of());
        var release = new CountDownLatch(1);
        var inFlight = new AtomicInteger();
        var mostInFlight = new AtomicInteger();
        functions.answer = records -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return QueueFunctions.completed("null");
        };
        for (int i = 0; i < 20; i++) {
            send("jobs", "job-" + i);
        }

        sources.deploy(List.of(mapping(arn).withBatchSize(1).withMaximumConcurrency(4)));

        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == 4);
        release.countDown();
        awaitEmpty("jobs");
        assertThat(mostInFlight.get()).isEqualTo(4);
        assertThat(functions.invocations).hasSize(20);
    }

    @Test
    void messagesThatMatchNoFilterAreDeletedWithoutInvokingTheFunction() {
        var arn = queue("jobs", Map.of());
        send("jobs", "{\"kind\": \"order\", \"id\": 1}", "{\"kind\": \"spam\"}", "plain text");

        sources.deploy(List.of(
                mapping(arn).withFilterCriteria(new FilterCriteria(List.of("{\"body\": {\"kind\": [\"order\"]}}")))));

        awaitEmpty("jobs");
        assertThat(functions.bodies().stream().flatMap(List::stream))
                .containsExactly("{\"kind\": \"order\", \"id\": 1}");
    }

    @Test
    void deletingAMappingStopsItsPollers() {
        var arn = queue("jobs", Map.of());
        var created = sources.create(mapping(arn));
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.waitingReceivers("jobs") > 0);

        sources.delete(created.uuid());
        send("jobs", "after");

        assertThat(queues.waitingReceivers("jobs")).isZero();
        assertThat(queues.receive("jobs", ReceiveOptions.of(10)))
                .singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("after"));
        assertThat(functions.invocations).isEmpty();
    }

    @Test
    void aMappingOfAQueueThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> sources.create(mapping(queues.arn("missing"))))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"))
                .hasMessageContaining("there is no queue missing in eu-west-2");
    }
}
