package dev.regionless.tables;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.MutableClock;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global table's tombstone horizon: collecting tombstones below it, refusing replicated writes below it, and the
 * local write order that lets replication choose it safely.
 */
class TombstoneHorizonTest {
    private static final Item KEY = item("pk", s("a"));

    @TempDir
    Path folder;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    TableStore store;
    TableState table;

    @BeforeEach
    void open() {
        store = TableStore.open(folder, "eu-west-2", "000000000000", clock);
        store.createTable(new TableDefinition(
                "t",
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null),
                Map.of("pk", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES),
                false));
        table = store.updateTable("t", state -> state.withReplicas(List.of("eu-west-2", "us-west-2")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long now() {
        return clock.millis() << 16;
    }

    private static Item value(String v) {
        return item("pk", s("a"), "v", s(v));
    }

    @Test
    void collectingDeletesOnlyTheTombstonesOlderThanTheHorizon() {
        store.applyReplicated(table, KEY, Optional.empty(), now(), "us-west-2");
        var newer = item("pk", s("b"));
        store.applyReplicated(table, newer, Optional.empty(), now() + 10, "us-west-2");

        int collected = store.collectTombstones(table, now() + 5);

        assertThat(collected).isEqualTo(1);
        assertThat(store.readVersioned(table, true, null, 10))
                .extracting(VersionedItem::key)
                .containsExactly(newer);
        assertThat(store.tombstoneHorizon(table)).isEqualTo(now() + 5);
    }

    @Test
    void anOlderWriteArrivingAfterItsTombstoneWasCollectedDoesNotBringTheItemBack() {
        store.applyReplicated(table, KEY, Optional.of(value("first")), now(), "us-west-2");
        store.writeItem("t", KEY, current -> Optional.empty());
        long deletedAt = store.readStream(table, 0, 10).getLast().timestamp();
        store.collectTombstones(table, deletedAt + 1);
        assertThat(store.countTombstones(table)).isZero();

        boolean applied = store.applyReplicated(table, KEY, Optional.of(value("late repeat")), now(), "us-west-2");

        assertThat(applied).isFalse();
        assertThat(store.getItem("t", KEY)).isEmpty();
        assertThat(store.applyReplicated(table, KEY, Optional.of(value("newer")), deletedAt + 2, "us-west-2"))
                .isTrue();
        assertThat(store.getItem("t", KEY)).contains(value("newer"));
    }

    @Test
    void aBatchOfReplicatedWritesSkipsThoseBelowTheHorizonButASnapshotAppliesThem() {
        store.collectTombstones(table, now() + 100);
        var old = List.of(new VersionedItem(KEY, value("old"), now(), "us-west-2"));

        assertThat(store.applyReplicated(table, old)).isZero();
        assertThat(store.getItem("t", KEY)).isEmpty();

        assertThat(store.applySnapshot(table, old)).isEqualTo(1);
        assertThat(store.getItem("t", KEY)).contains(value("old"));
    }

    @Test
    void theHorizonNeverGoesDown() {
        store.collectTombstones(table, now() + 100);

        store.collectTombstones(table, now() + 50);

        assertThat(store.tombstoneHorizon(table)).isEqualTo(now() + 100);
    }

    @Test
    void theHorizonAndTheClockSurviveARestartEvenIfTheWallClockWentBack() {
        store.writeItem("t", KEY, current -> Optional.of(value("before")));
        long before = store.readStream(table, 0, 10).getLast().timestamp();
        store.collectTombstones(table, before);
        store.close();
        clock.advance(Duration.ofMinutes(-5));

        store = TableStore.open(folder, "eu-west-2", "000000000000", clock);
        table = store.requireTable("t");
        store.writeItem("t", KEY, current -> Optional.of(value("after")));

        assertThat(store.tombstoneHorizon(table)).isEqualTo(before);
        assertThat(store.readStream(table, 0, 10).getLast().timestamp()).isGreaterThan(before);
    }

    @Test
    void concurrentLocalWritesAppearInTheStreamInTimestampOrder() throws Exception {
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int writer = 0; writer < 16; writer++) {
                int w = writer;
                writers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        var key = item("pk", s(w + "-" + i));
                        store.writeItem("t", key, current -> Optional.of(key));
                    }
                    return null;
                });
            }
        }

        var timestamps = new ArrayList<Long>();
        store.readStream(table, 0, 10_000).forEach(record -> timestamps.add(record.timestamp()));
        assertThat(timestamps).hasSize(800).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theStreamMarkCoversEveryLocalWrite() {
        store.writeItem("t", KEY, current -> Optional.of(value("one")));
        store.applyReplicated(table, item("pk", s("b")), Optional.of(item("pk", s("b"))), now() + 1000, "us-west-2");
        store.writeItem("t", item("pk", s("c")), current -> Optional.of(item("pk", s("c"))));

        var mark = store.streamMark(table);

        var last = store.readStream(table, 0, 10).getLast();
        assertThat(mark.sequence()).isEqualTo(last.sequence());
        assertThat(mark.timestamp()).isGreaterThanOrEqualTo(last.timestamp());
    }
}
