package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionless.common.AwsException;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event sources over a real table store, with a recording stand-in for the function runtime: batching, order,
 * retries, starting positions and positions kept across redeploys and restarts.
 */
class EventSourcesTest {
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
        sources = start();
    }

    @AfterEach
    void close() {
        sources.close();
        tables.close();
    }

    private EventSources start() {
        var config = EventSourcesConfig.defaults(tables.clock)
                .withRetryDelays(Duration.ofMillis(200), Duration.ofMillis(400));
        return EventSources.create(functions, tables.store, config);
    }

    private static EventSourceMapping mapping(StartingPosition position) {
        return EventSourceMapping.of("m-1", RecordingFunctions.NAME, TABLE, position);
    }

    private void write(int count) {
        for (int i = 0; i < count; i++) {
            tables.put(TABLE, "item-" + i, "text " + i);
        }
    }

    private void awaitInvocations(List<List<Long>> expected) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(functions.invocations).isEqualTo(expected));
    }

    @Test
    void recordsArriveInStreamOrderInBatchesOfAtMostTheBatchSize() {
        write(5);

        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON).withBatchSize(2)));

        awaitInvocations(List.of(List.of(1L, 2L), List.of(3L, 4L), List.of(5L)));
    }

    @Test
    void aChangeWakesAnIdlePollerWithoutWaitingForTheRecheck() {
        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));

        write(1);

        await().atMost(Duration.ofSeconds(2)) // the fallback recheck comes only after 5 s
                .untilAsserted(() -> assertThat(functions.invocations).isEqualTo(List.of(List.of(1L))));
    }

    @Test
    void latestDeliversOnlyChangesMadeAfterTheMappingWasCreated() {
        write(2);

        sources.deploy(List.of(mapping(StartingPosition.LATEST)));
        tables.put(TABLE, "later", "text");

        awaitInvocations(List.of(List.of(3L)));
    }

    @Test
    void aFailedBatchIsInvokedAgainWithTheSameRecordsUntilItSucceeds() {
        functions.failNext.set(2);
        write(3);

        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));
        await().until(() -> functions.invocations.size() >= 1);
        tables.put(TABLE, "during-backoff", "text");

        var batch = List.of(1L, 2L, 3L);
        awaitInvocations(List.of(batch, batch, batch, List.of(4L)));
    }

    @Test
    void recordsPastTheStreamsRetentionAreSkippedAndLaterRecordsDelivered() {
        functions.failNext.set(Integer.MAX_VALUE);
        write(1);
        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));
        await().until(() -> functions.invocations.size() >= 1);

        tables.clock.advance(EventSourcesConfig.RETENTION.plusSeconds(1));
        tables.put(TABLE, "fresh", "text");
        functions.failNext.set(0);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(functions.invocations).endsWith(List.of(2L)));
        assertThat(functions.invocations).allMatch(batch -> batch.equals(List.of(1L)) || batch.equals(List.of(2L)));
        assertThat(functions.invocations).containsOnlyOnce(List.of(2L));
    }

    @Test
    void aRedeployedMappingKeepsItsPositionWhetherUnchangedOrWithNewSettings() {
        var original = mapping(StartingPosition.TRIM_HORIZON);
        write(2);
        sources.deploy(List.of(original));
        awaitInvocations(List.of(List.of(1L, 2L)));

        sources.deploy(List.of(original));
        sources.deploy(List.of(original.withBatchSize(5)));
        tables.put(TABLE, "after-redeploy", "text");

        awaitInvocations(List.of(List.of(1L, 2L), List.of(3L)));
        assertThat(sources.mappings()).containsExactly(original.withBatchSize(5));
    }

    @Test
    void aRestartedRegionResumesAfterTheLastDeliveredRecordAndSkipsNothingWrittenMeanwhile() {
        sources.deploy(List.of(mapping(StartingPosition.LATEST)));
        tables.put(TABLE, "before-restart", "text");
        awaitInvocations(List.of(List.of(1L)));

        sources.close();
        tables.reopen();
        tables.put(TABLE, "while-no-mapping-ran", "text");
        sources = start();
        sources.deploy(List.of(mapping(StartingPosition.LATEST)));

        awaitInvocations(List.of(List.of(1L), List.of(2L)));
    }

    @Test
    void aRemovedMappingLosesItsPositionSoDeployingItAgainStartsOver() {
        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));
        write(1);
        awaitInvocations(List.of(List.of(1L)));

        sources.deploy(List.of());
        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));

        awaitInvocations(List.of(List.of(1L), List.of(1L)));
    }

    @Test
    void aDisabledMappingDeliversNothingAndOnceEnabledStartsFromWhereItWasCreated() {
        write(1);
        var disabled = mapping(StartingPosition.LATEST).withEnabled(false);
        sources.deploy(List.of(disabled));
        tables.put(TABLE, "while-disabled", "text");

        await().during(Duration.ofMillis(300)).until(functions.invocations::isEmpty);
        sources.deploy(List.of(disabled.withEnabled(true)));

        awaitInvocations(List.of(List.of(2L)));
    }

    @Test
    void aMappingCreatedBeforeItsTableDeliversTheTablesFirstChanges() {
        var early = EventSourceMapping.of("m-2", RecordingFunctions.NAME, "later-table", StartingPosition.LATEST);
        sources.deploy(List.of(early));

        tables.createTable("later-table", StreamViewType.KEYS_ONLY);
        tables.put("later-table", "first", "text");

        awaitInvocations(List.of(List.of(1L)));
    }

    @Test
    void aBatchingWindowWaitsForAFullBatch() {
        sources.deploy(
                List.of(mapping(StartingPosition.TRIM_HORIZON).withBatchSize(3).withMaximumBatchingWindowInSeconds(5)));

        write(3);

        awaitInvocations(List.of(List.of(1L, 2L, 3L)));
    }

    @Test
    void deployRefusesAnUnknownFunctionAndKeepsWhatRuns() {
        sources.deploy(List.of(mapping(StartingPosition.TRIM_HORIZON)));
        var unknown = EventSourceMapping.of("m-2", "missing", TABLE, StartingPosition.LATEST);

        assertThatThrownBy(() -> sources.deploy(List.of(unknown)))
                .isInstanceOf(AwsException.class)
                .hasMessage("Function not found: missing");
        assertThat(sources.mappings()).containsExactly(mapping(StartingPosition.TRIM_HORIZON));
    }

    @Test
    void deployRefusesTwoMappingsWithOneUuid() {
        var first = mapping(StartingPosition.TRIM_HORIZON);

        assertThatThrownBy(() -> sources.deploy(List.of(first, first.withBatchSize(7))))
                .isInstanceOf(AwsException.class)
                .hasMessage("uuid: m-1 (expected: each mapping's uuid only once)");
    }
}
