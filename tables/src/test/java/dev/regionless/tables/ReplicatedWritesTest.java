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
}
