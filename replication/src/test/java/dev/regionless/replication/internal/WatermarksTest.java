package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.MutableClock;
import dev.regionless.replication.ReplicationConfig;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link's watermark: the timestamp below which its destination has every write of this region. */
class WatermarksTest {
    private static final String HERE = "eu-west-2";
    private static final String PEER = "us-west-2";

    @TempDir
    Path folder;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    TableStore store;
    CursorFile cursors;
    TableState table;
    Watermarks watermarks;

    @BeforeEach
    void open() {
        store = TableStore.open(folder.resolve("tables"), HERE, "000000000000", clock);
        store.createTable(new TableDefinition(
                "t",
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null),
                Map.of("pk", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES),
                false));
        table = store.updateTable("t", state -> state.withReplicas(List.of(HERE, PEER)));
        cursors = CursorFile.open(folder.resolve("replication"));
        var config =
                ReplicationConfig.defaults(HERE, folder.resolve("replication")).withClock(clock);
        var context = new LinkContext(config, store, cursors, null, new LinkCuts(), new LiveDelays(config.delays()));
        watermarks = new Watermarks(context, new Backfills(context));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void writeHere(String pk) {
        var key = Item.of(Map.of("pk", new AttributeValue.S(pk)));
        store.writeItem("t", key, current -> Optional.of(key));
    }

    private void receive(String pk, long timestamp) {
        var key = Item.of(Map.of("pk", new AttributeValue.S(pk)));
        store.applyReplicated(table, key, Optional.of(key), timestamp, PEER);
    }

    @Test
    void aLinkWithoutACursorHasNoWatermark() {
        writeHere("a");

        assertThat(watermarks.of(table, PEER)).isZero();
    }

    @Test
    void theWatermarkIsTheTimestampOfTheFirstUnacknowledgedWriteOfThisRegion() {
        cursors.startLink(table.tableId(), PEER);
        writeHere("a");
        writeHere("b");
        var records = store.readStream(table, 0, 10);
        cursors.advance(table.tableId(), PEER, records.get(0).sequence());

        assertThat(watermarks.of(table, PEER)).isEqualTo(records.get(1).timestamp());
    }

    @Test
    void onceEverythingIsAcknowledgedTheWatermarkPassesTheNewestTimestamp() {
        cursors.startLink(table.tableId(), PEER);
        writeHere("a");
        long last = store.readStream(table, 0, 10).getLast().sequence();
        cursors.advance(table.tableId(), PEER, last);

        long watermark = watermarks.of(table, PEER);

        assertThat(watermark)
                .isGreaterThan(store.readStream(table, 0, 10).getLast().timestamp());
        assertThat(watermark).isEqualTo(store.streamMark(table).timestamp() + 1);
    }

    @Test
    void writesReceivedFromOtherRegionsDoNotHoldTheWatermarkBack() {
        cursors.startLink(table.tableId(), PEER);
        writeHere("a");
        long acknowledged = store.readStream(table, 0, 10).getLast().sequence();
        cursors.advance(table.tableId(), PEER, acknowledged);
        receive("from-peer", (clock.millis() << 16) + 5);

        assertThat(watermarks.of(table, PEER)).isEqualTo(store.streamMark(table).timestamp() + 1);
    }

    @Test
    void aStreamTrimmedPastTheCursorGivesNoWatermark() {
        cursors.startLink(table.tableId(), PEER);
        writeHere("a");
        writeHere("b");
        clock.advance(Duration.ofHours(25));
        store.trimStreams(Duration.ofHours(24));
        writeHere("c");

        assertThat(watermarks.of(table, PEER)).isZero();
    }

    @Test
    void aReplicaBeingResynchronisedHasNoWatermark() {
        cursors.startLink(table.tableId(), PEER);
        writeHere("a");
        cursors.advance(
                table.tableId(), PEER, store.readStream(table, 0, 10).getLast().sequence());
        cursors.addResync("t", PEER);

        assertThat(watermarks.of(table, PEER)).isZero();
    }
}
