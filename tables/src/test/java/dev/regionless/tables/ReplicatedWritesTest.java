package dev.regionless.tables;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last-writer-wins application of writes replicated from other regions. */
class ReplicatedWritesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.millis() << 16;
    private static final Item KEY = item("pk", s("a"));

    @TempDir
    Path folder;

    TableStore store;
    TableState table;

    @BeforeEach
    void open() {
        store = TableStore.open(folder, "eu-west-2", "000000000000", CLOCK);
        store.createTable(new TableDefinition(
                "t",
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null),
                Map.of("pk", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES),
                false));
        table = store.updateTable("t", state -> state.withReplicas(List.of("eu-west-2", "us-west-2", "us-east-1")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Item value(String v) {
        return item("pk", s("a"), "v", s(v));
    }

    private boolean apply(Item image, long timestamp, String origin) {
        return store.applyReplicated(table, KEY, Optional.ofNullable(image), timestamp, origin);
    }

    @Test
    void aNewerReplicatedWriteReplacesTheItemAndIsRecordedWithItsOrigin() {
        store.writeItem("t", KEY, current -> Optional.of(value("local")));

        assertThat(apply(value("remote"), NOW + 1000, "us-west-2")).isTrue();

        assertThat(store.getItem("t", KEY)).contains(value("remote"));
        var last = store.readStream(table, 0, 10).getLast();
        assertThat(last.origin()).isEqualTo("us-west-2");
        assertThat(last.timestamp()).isEqualTo(NOW + 1000);
        assertThat(last.oldImage()).isEqualTo(value("local"));
    }

    @Test
    void anOlderReplicatedWriteIsIgnored() {
        store.writeItem("t", KEY, current -> Optional.of(value("local")));

        assertThat(apply(value("stale"), NOW - 1000, "us-west-2")).isFalse();

        assertThat(store.getItem("t", KEY)).contains(value("local"));
    }

    @Test
    void aReplicatedWriteDeliveredTwiceIsAppliedOnce() {
        assertThat(apply(value("remote"), NOW, "us-west-2")).isTrue();
        assertThat(apply(value("remote"), NOW, "us-west-2")).isFalse();

        assertThat(store.readStream(table, 0, 10)).hasSize(1);
    }

    @Test
    void equalTimestampsAreDecidedByTheOriginRegionsName() {
        apply(value("from us-east-1"), NOW, "us-east-1");

        assertThat(apply(value("from eu-west-1"), NOW, "eu-west-1")).isFalse();
        assertThat(apply(value("from us-west-2"), NOW, "us-west-2")).isTrue();
        assertThat(store.getItem("t", KEY)).contains(value("from us-west-2"));
    }

    @Test
    void aDeleteLeavesATombstoneSoAnOlderWriteArrivingLateCannotBringTheItemBack() {
        apply(value("first"), NOW, "us-west-2");
        assertThat(apply(null, NOW + 10, "us-east-1")).isTrue();

        assertThat(apply(value("late"), NOW + 5, "us-west-2")).isFalse();
        assertThat(store.getItem("t", KEY)).isEmpty();
        assertThat(apply(value("newer"), NOW + 20, "us-west-2")).isTrue();
        assertThat(store.getItem("t", KEY)).contains(value("newer"));
    }

    @Test
    void aLocalWriteAfterSeeingAWriteFromAFastClockStillWinsOverIt() {
        long farAhead = NOW + (10L * 60 * 1000 << 16); // a region whose clock runs ten minutes ahead
        apply(value("from the future"), farAhead, "us-west-2");

        store.writeItem("t", KEY, current -> Optional.of(value("later, here")));

        var last = store.readStream(table, 0, 10).getLast();
        assertThat(last.origin()).isEqualTo("eu-west-2");
        assertThat(last.timestamp()).isGreaterThan(farAhead);
    }

    @Test
    void aBatchAppliesEachWriteByLastWriterWinsInOneCommit() {
        store.writeItem("t", KEY, current -> Optional.of(value("local")));
        var otherKey = item("pk", s("b"));
        long syncsBefore = store.syncs();

        int applied = store.applyReplicated(
                table,
                List.of(
                        new VersionedItem(KEY, value("stale"), NOW - 1000, "us-west-2"),
                        new VersionedItem(otherKey, item("pk", s("b"), "v", s("new")), NOW + 5, "us-west-2")));

        assertThat(applied).isEqualTo(1);
        assertThat(store.getItem("t", KEY)).contains(value("local"));
        assertThat(store.getItem("t", otherKey)).contains(item("pk", s("b"), "v", s("new")));
        assertThat(store.syncs() - syncsBefore).isEqualTo(1);
    }

    @Test
    void aBatchWithSeveralWritesToOneItemKeepsTheNewestAndStreamsItOnce() {
        int applied = store.applyReplicated(
                table,
                List.of(
                        new VersionedItem(KEY, value("second"), NOW + 2, "us-west-2"),
                        new VersionedItem(KEY, value("first"), NOW + 1, "us-west-2"),
                        new VersionedItem(KEY, null, NOW, "us-east-1")));

        assertThat(applied).isEqualTo(1);
        assertThat(store.getItem("t", KEY)).contains(value("second"));
        assertThat(store.readStream(table, 0, 10))
                .singleElement()
                .satisfies(record -> assertThat(record.timestamp()).isEqualTo(NOW + 2));
    }

    @Test
    void versionedReadsReturnItemsAndTombstonesWithTheVersionsThatStoredThem() {
        apply(value("kept"), NOW, "us-west-2");
        var gone = item("pk", s("gone"));
        store.applyReplicated(table, gone, Optional.of(item("pk", s("gone"), "v", s("x"))), NOW, "us-east-1");
        store.applyReplicated(table, gone, Optional.empty(), NOW + 1, "us-east-1");

        var items = store.readVersioned(table, false, null, 10);
        var tombstones = store.readVersioned(table, true, null, 10);

        assertThat(items).containsExactly(new VersionedItem(KEY, value("kept"), NOW, "us-west-2"));
        assertThat(tombstones).containsExactly(new VersionedItem(gone, null, NOW + 1, "us-east-1"));
    }

    @Test
    void versionedReadsPageAfterTheGivenKey() {
        for (var pk : List.of("a", "b", "c", "d")) {
            store.applyReplicated(table, item("pk", s(pk)), Optional.of(item("pk", s(pk))), NOW, "us-west-2");
        }

        var first = store.readVersioned(table, false, null, 3);
        var rest = store.readVersioned(table, false, first.getLast().key(), 3);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(1);
        assertThat(java.util.stream.Stream.concat(first.stream(), rest.stream())
                        .map(VersionedItem::key)
                        .distinct())
                .hasSize(4);
    }
}
