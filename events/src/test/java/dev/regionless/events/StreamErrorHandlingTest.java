package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.events.internal.Lane;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's error handling for streams over a real table store, with a recording stand-in for the runtime:
 * bisection, retry limits, the on-failure destination, partial batch responses, record age and parallelization.
 */
class StreamErrorHandlingTest {
    private static final String TABLE = "messages";

    @TempDir
    Path folder;

    StreamTables tables;
    final RecordingFunctions functions = new RecordingFunctions();
    EventSources sources;

    @BeforeEach
    void open() {
        tables = new StreamTables(folder);
        tables.createTable(TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
        var config = EventSourcesConfig.defaults(tables.clock)
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200));
        sources = EventSources.create(functions, tables.store, config);
    }

    @AfterEach
    void close() {
        sources.close();
        tables.close();
    }

    private static EventSourceMapping mapping(int batchSize, FailureHandling handling) {
        return EventSourceMapping.of("m-1", RecordingFunctions.NAME, TABLE, StartingPosition.TRIM_HORIZON)
                .withBatchSize(batchSize)
                .withFailureHandling(handling);
    }

    private static FailureHandling withDestination() {
        return FailureHandling.defaults().withOnFailureDestination(RecordingFunctions.DESTINATION_ARN);
    }

    private void write(int count) {
        for (int i = 1; i <= count; i++) {
            tables.put(TABLE, "item-" + i, "text " + i);
        }
    }

    private static List<Long> batch(long... sequences) {
        return java.util.Arrays.stream(sequences).boxed().toList();
    }

    private JsonNode failureRecord(int index) {
        try {
            return Json.mapper().readTree(functions.failureRecords.get(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sequence(long value) {
        return String.format("%021d", value);
    }

    @Test
    void aPoisonRecordWithBisectAndRetryLimitGoesToTheDestinationAndTheShardMovesOn() {
        functions.failBatchesWith(3);
        write(4);

        sources.deploy(List.of(mapping(
                4, withDestination().withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(1))));
        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.contains(batch(4)));
        tables.put(TABLE, "later", "written after the poison record");

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.contains(batch(5)));
        assertThat(functions.invocations)
                .containsExactly(batch(1, 2, 3, 4), batch(1, 2), batch(3, 4), batch(3), batch(3), batch(4), batch(5));
        assertThat(functions.failureRecords).hasSize(1);
        var record = failureRecord(0);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:eu-west-2:000000000000:function:recorder");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(4);
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                .isEqualTo(sequence(3));
        assertThat(record.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(sequence(3));
        assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(record.at("/DDBStreamBatchInfo/streamArn").asText())
                .isEqualTo(tables.store.table(TABLE).orElseThrow().streamArn());
    }

    @Test
    void withDefaultSettingsAPoisonRecordBlocksItsShardUntilItExpires() {
        functions.failBatchesWith(2);
        write(4);
        sources.deploy(List.of(mapping(10, withDestination())));

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.size() >= 4);
        assertThat(functions.invocations).allMatch(batch(1, 2, 3, 4)::equals);
        assertThat(functions.failureRecords).isEmpty();

        tables.clock.advance(EventSourcesConfig.RETENTION.plusMinutes(1));
        tables.put(TABLE, "a-day-later", "text");

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.contains(batch(5)));
        assertThat(functions.failureRecords).hasSize(1);
        var record = failureRecord(0);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                .isEqualTo(sequence(1));
        assertThat(record.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(sequence(4));
    }

    @Test
    void aPartialBatchResponseCheckpointsBeforeTheFirstReportedRecordAndRetriesFromIt() {
        var reported = new java.util.concurrent.atomic.AtomicBoolean();
        functions.answer = batch -> batch.contains(3L) && reported.compareAndSet(false, true)
                ? RecordingFunctions.completed("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequence(4)
                        + "\"},{\"itemIdentifier\":\"" + sequence(3) + "\"}]}")
                : RecordingFunctions.completed("null");
        write(5);

        sources.deploy(List.of(mapping(10, FailureHandling.defaults().withReportBatchItemFailures(true))));
        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.size() >= 2);
        tables.put(TABLE, "next", "text");

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.contains(batch(6)));
        assertThat(functions.invocations).containsExactly(batch(1, 2, 3, 4, 5), batch(3, 4, 5), batch(6));
    }

    @Test
    void aPartialBatchResponseWithAnEmptyItemIdentifierFailsTheWholeBatch() {
        var answered = new java.util.concurrent.atomic.AtomicBoolean();
        functions.answer = batch -> answered.compareAndSet(false, true)
                ? RecordingFunctions.completed("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")
                : RecordingFunctions.completed("{\"batchItemFailures\":[]}");
        write(2);

        sources.deploy(List.of(mapping(10, FailureHandling.defaults().withReportBatchItemFailures(true))));

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.size() >= 2);
        assertThat(functions.invocations).containsExactly(batch(1, 2), batch(1, 2));
    }

    @Test
    void reportedFailuresPastTheRetryLimitAreDiscardedFromTheFirstReportedRecord() {
        functions.answer = batch -> batch.contains(2L)
                ? RecordingFunctions.completed("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequence(2) + "\"}]}")
                : RecordingFunctions.completed("null");
        write(3);

        sources.deploy(List.of(
                mapping(10, withDestination().withReportBatchItemFailures(true).withMaximumRetryAttempts(0))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !functions.failureRecords.isEmpty());
        assertThat(functions.invocations).containsExactly(batch(1, 2, 3));
        var record = failureRecord(0);
        assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                .isEqualTo(sequence(2));
        assertThat(record.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(sequence(3));
        assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(2);
        assertThat(record.has("responseContext")).isTrue();
        assertThat(record.at("/responseContext/functionError").isMissingNode()).isTrue();
    }

    @Test
    void recordsOlderThanTheMaximumRecordAgeAreDiscardedWithoutBeingSent() {
        functions.failBatchesWith(1);
        write(1);
        sources.deploy(List.of(mapping(10, withDestination().withMaximumRecordAgeInSeconds(60))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !functions.invocations.isEmpty());

        tables.clock.advance(Duration.ofSeconds(61));
        tables.put(TABLE, "fresh", "text");

        await().atMost(Duration.ofSeconds(10)).until(() -> functions.invocations.contains(batch(2)));
        assertThat(functions.invocations).allMatch(batch -> batch.equals(batch(1)) || batch.equals(batch(2)));
        var record = failureRecord(0);
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isPositive();
    }

    @Test
    void withParallelizationAPoisonRecordBlocksOnlyTheKeysOfItsLaneAndEachKeyKeepsItsOrder() {
        tables.put(TABLE, "poison", "never succeeds");
        functions.failBatchesWith(1);
        for (int round = 0; round < 3; round++) {
            for (int key = 0; key < 8; key++) {
                tables.put(TABLE, "key-" + key, "round " + round);
            }
        }
        var records = tables.store.readStream(tables.store.table(TABLE).orElseThrow(), 0, 100);
        var poisonLane = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new Lane(i, 4))
                .filter(lane -> lane.holds(records.getFirst(), "id"))
                .findFirst()
                .orElseThrow();
        var elsewhere = records.stream()
                .filter(record -> !poisonLane.holds(record, "id"))
                .map(dev.regionless.tables.ChangeRecord::sequence)
                .toList();

        sources.deploy(List.of(mapping(100, FailureHandling.defaults()).withParallelizationFactor(4)));

        await().atMost(Duration.ofSeconds(10)).until(() -> succeeded().containsAll(elsewhere));
        assertThat(succeeded()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(elsewhere);
        for (int key = 0; key < 8; key++) {
            var ofKey = List.of(2L + key, 10L + key, 18L + key);
            var seen = succeeded().stream().filter(ofKey::contains).toList();
            assertThat(seen).as("key-" + key).isSorted();
        }
    }

    /** The records of every invocation that did not hold the poison record (sequence 1), in invocation order. */
    private List<Long> succeeded() {
        return functions.invocations.stream()
                .filter(invocation -> !invocation.contains(1L))
                .flatMap(List::stream)
                .toList();
    }
}
