package dev.regionless.tables;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.catalog.Throughput;
import dev.regionless.tables.expression.Comparator;
import dev.regionless.tables.expression.KeyCondition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableStoreTest {
    private static final KeySchema PK_SK =
            new KeySchema(new KeyElement("pk", ScalarAttributeType.S), new KeyElement("sk", ScalarAttributeType.N));

    @TempDir
    Path folder;

    TableStore store;

    @BeforeEach
    void open() {
        store = TableStore.open(folder, "eu-west-2", "000000000000", Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TableState create(String name, List<IndexDefinition> indexes, StreamSpecification stream) {
        return store.createTable(new TableDefinition(
                name,
                PK_SK,
                Map.of("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N, "g", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                indexes,
                stream,
                false));
    }

    private TableState create(String name) {
        return create(name, List.of(), StreamSpecification.DISABLED);
    }

    private void put(String table, Item item) {
        store.writeItem(table, key(item), current -> Optional.of(item));
    }

    private static Item key(Item item) {
        return item("pk", item.get("pk").orElseThrow(), "sk", item.get("sk").orElseThrow());
    }

    private List<Item> readAll(TableState table, TableStore.ReadRange range) {
        var items = new ArrayList<Item>();
        try (var cursor = store.read(table, range)) {
            while (cursor.hasNext()) {
                items.add(cursor.next());
            }
        }
        return items;
    }

    @Test
    void aCreatedTableIsListedAndASecondWithTheSameNameIsRefused() {
        create("orders");

        assertThat(store.tableNames()).containsExactly("orders");
        assertThatThrownBy(() -> create("orders"))
                .isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).code())
                .isEqualTo("ResourceInUseException");
    }

    @Test
    void aWrittenItemIsReadBackByItsKey() {
        create("t");
        var written = item("pk", s("a"), "sk", n("1"), "x", s("y"));
        put("t", written);

        assertThat(store.getItem("t", key(written))).contains(written);
    }

    @Test
    void queryReturnsAPartitionInSortKeyOrderBothWays() {
        var table = create("t");
        for (var sk : List.of("10", "-2.5", "3", "0", "-100", "1E+3")) {
            put("t", item("pk", s("p"), "sk", n(sk)));
        }
        put("t", item("pk", s("other"), "sk", n("5")));

        var forward = readAll(table, new TableStore.ReadRange(null, KeyCondition.of("pk", s("p")), 0, 1, true, null));
        var backward = readAll(table, new TableStore.ReadRange(null, KeyCondition.of("pk", s("p")), 0, 1, false, null));

        assertThat(forward)
                .extracting(i -> i.get("sk").orElseThrow())
                .containsExactly(n("-100"), n("-2.5"), n("0"), n("3"), n("10"), n("1000"));
        assertThat(backward)
                .extracting(i -> i.get("sk").orElseThrow())
                .containsExactly(n("1000"), n("10"), n("3"), n("0"), n("-2.5"), n("-100"));
    }

    @Test
    void queryRangesHonourTheSortConditionAndTheExclusiveStartKey() {
        var table = create("t");
        for (int i = 1; i <= 5; i++) {
            put("t", item("pk", s("p"), "sk", n(Integer.toString(i))));
        }
        var condition =
                KeyCondition.of("pk", s("p"), new KeyCondition.SortKeyCondition.Compare("sk", Comparator.LE, n("4")));

        var page =
                readAll(table, new TableStore.ReadRange(null, condition, 0, 1, true, item("pk", s("p"), "sk", n("2"))));

        assertThat(page).extracting(i -> i.get("sk").orElseThrow()).containsExactly(n("3"), n("4"));
    }

    @Test
    void parallelScanSegmentsTogetherReturnEveryItemOnce() {
        var table = create("t");
        for (int i = 0; i < 200; i++) {
            put("t", item("pk", s("p" + i), "sk", n("1")));
        }
        var seen = new ArrayList<Item>();
        for (int segment = 0; segment < 7; segment++) {
            seen.addAll(readAll(table, new TableStore.ReadRange(null, null, segment, 7, true, null)));
        }

        assertThat(seen).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void aGlobalIndexHoldsOnlyItemsWithItsKeyAndFollowsUpdates() {
        var index = new IndexDefinition(
                "byG",
                true,
                new KeySchema(new KeyElement("g", ScalarAttributeType.S), null),
                new IndexDefinition.IndexProjection(IndexDefinition.ProjectionType.KEYS_ONLY, List.of()),
                Throughput.ON_DEMAND,
                1);
        var table = create("t", List.of(index), StreamSpecification.DISABLED);
        put("t", item("pk", s("a"), "sk", n("1"), "g", s("red"), "other", s("x")));
        put("t", item("pk", s("b"), "sk", n("1")));
        put("t", item("pk", s("a"), "sk", n("1"), "g", s("blue")));

        var red = readAll(table, new TableStore.ReadRange("byG", KeyCondition.of("g", s("red")), 0, 1, true, null));
        var blue = readAll(table, new TableStore.ReadRange("byG", KeyCondition.of("g", s("blue")), 0, 1, true, null));

        assertThat(red).isEmpty();
        assertThat(blue).containsExactly(item("pk", s("a"), "sk", n("1"), "g", s("blue")));
    }

    @Test
    void anIndexKeyOfTheWrongTypeIsRefusedAndNothingIsWritten() {
        var index = new IndexDefinition(
                "byG",
                true,
                new KeySchema(new KeyElement("g", ScalarAttributeType.S), null),
                new IndexDefinition.IndexProjection(IndexDefinition.ProjectionType.ALL, List.of()),
                Throughput.ON_DEMAND,
                1);
        create("t", List.of(index), StreamSpecification.DISABLED);
        var wrong = item("pk", s("a"), "sk", n("1"), "g", n("5"));

        assertThatThrownBy(() -> put("t", wrong)).hasMessageContaining("Type mismatch for Index Key g");
        assertThat(store.getItem("t", key(wrong))).isEmpty();
    }

    @Test
    void theStreamRecordsEachChangeOnceInOrderAndNothingForANoOpWrite() {
        var table = create(
                "t", List.of(), new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES));
        var v1 = item("pk", s("a"), "sk", n("1"), "v", n("1"));
        var v2 = item("pk", s("a"), "sk", n("1"), "v", n("2"));
        put("t", v1);
        put("t", v2);
        put("t", v2);
        store.writeItem("t", key(v1), current -> Optional.empty());

        var records = store.readStream(table, 0, 100);

        assertThat(records)
                .extracting(ChangeRecord::eventName)
                .containsExactly(
                        ChangeRecord.EventName.INSERT, ChangeRecord.EventName.MODIFY, ChangeRecord.EventName.REMOVE);
        assertThat(records).extracting(ChangeRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(records.get(1).oldImage()).isEqualTo(v1);
        assertThat(records.get(1).newImage()).isEqualTo(v2);
        assertThat(records.get(2).keys()).isEqualTo(key(v1));
    }

    @Test
    void aTransactionWithOneFailingWriteWritesNothing() {
        var table = create("t");
        var a = item("pk", s("a"), "sk", n("1"));
        var b = item("pk", s("b"), "sk", n("1"));

        var outcome = store.transactWrite(List.of(
                new TableStore.ItemWrite(table, a, current -> Optional.of(a)),
                new TableStore.ItemWrite(table, b, current -> {
                    throw TableErrors.conditionalCheckFailed();
                })));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failures().get(0)).isEmpty();
        assertThat(outcome.failures().get(1)).isPresent();
        assertThat(store.getItem("t", a)).isEmpty();
    }

    @Test
    void expiredItemsAreDeletedAndRecordedAsExpiries() {
        var clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        store.close();
        store = TableStore.open(folder, "eu-west-2", "000000000000", clock);
        create("t", List.of(), new StreamSpecification(true, StreamSpecification.StreamViewType.KEYS_ONLY));
        var table = store.updateTable("t", state -> state.withTtlAttribute("expires"));
        long now = clock.millis() / 1000;
        put("t", item("pk", s("old"), "sk", n("1"), "expires", n(Long.toString(now - 10))));
        put("t", item("pk", s("new"), "sk", n("1"), "expires", n(Long.toString(now + 10))));
        put("t", item("pk", s("ancient"), "sk", n("1"), "expires", n("1"))); // more than five years ago: kept

        assertThat(store.expireItems()).isEqualTo(1);
        assertThat(store.getItem("t", item("pk", s("old"), "sk", n("1")))).isEmpty();
        var last = store.readStream(table, 0, 100).getLast();
        assertThat(last.eventName()).isEqualTo(ChangeRecord.EventName.REMOVE);
        assertThat(last.expiry()).isTrue();
    }

    @Test
    void tablesItemsAndStreamPositionsSurviveARestart() {
        var table = create("t", List.of(), new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_IMAGE));
        put("t", item("pk", s("a"), "sk", n("1")));
        store.close();

        store = TableStore.open(folder, "eu-west-2", "000000000000", Clock.systemUTC());
        put("t", item("pk", s("b"), "sk", n("1")));

        assertThat(store.getItem("t", item("pk", s("a"), "sk", n("1")))).isPresent();
        assertThat(store.readStream(table, 0, 100))
                .extracting(ChangeRecord::sequence)
                .containsExactly(1L, 2L);
    }

    @Test
    void anIndexAddedToATableWithDataIsBackfilledThenActive() throws Exception {
        create("t");
        put("t", item("pk", s("a"), "sk", n("1"), "g", s("red")));
        var index = new IndexDefinition(
                "byG",
                true,
                new KeySchema(new KeyElement("g", ScalarAttributeType.S), null),
                new IndexDefinition.IndexProjection(IndexDefinition.ProjectionType.ALL, List.of()),
                Throughput.ON_DEMAND,
                1);
        store.updateTable("t", state -> state.withDefinition(state.definition().withIndexes(List.of(index))));

        long deadline = System.currentTimeMillis() + 5000;
        while (!"ACTIVE".equals(store.requireTable("t").indexStatuses().get("byG"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        var table = store.requireTable("t");
        assertThat(table.indexStatuses()).containsEntry("byG", "ACTIVE");
        assertThat(readAll(table, new TableStore.ReadRange("byG", KeyCondition.of("g", s("red")), 0, 1, true, null)))
                .hasSize(1);
    }

    @Test
    void closingDuringABackfillIsSafeAndTheBackfillResumesAfterReopening() throws Exception {
        create("t");
        for (int i = 0; i < 3000; i++) {
            put("t", item("pk", s("p" + i), "sk", n("1"), "g", s("all")));
        }
        var index = new IndexDefinition(
                "byG",
                true,
                new KeySchema(new KeyElement("g", ScalarAttributeType.S), null),
                new IndexDefinition.IndexProjection(IndexDefinition.ProjectionType.KEYS_ONLY, List.of()),
                Throughput.ON_DEMAND,
                1);
        store.updateTable("t", state -> state.withDefinition(state.definition().withIndexes(List.of(index))));
        store.close();

        store = TableStore.open(folder, "eu-west-2", "000000000000", Clock.systemUTC());
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"ACTIVE".equals(store.requireTable("t").indexStatuses().get("byG"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        var table = store.requireTable("t");
        assertThat(table.indexStatuses()).containsEntry("byG", "ACTIVE");
        assertThat(readAll(table, new TableStore.ReadRange("byG", KeyCondition.of("g", s("all")), 0, 1, true, null)))
                .hasSize(3000);
    }

    @Test
    void aDeletedTableIsGoneWithItsItems() {
        create("t");
        put("t", item("pk", s("a"), "sk", n("1")));
        store.deleteTable("t");
        create("t");

        assertThat(store.getItem("t", item("pk", s("a"), "sk", n("1")))).isEmpty();
    }

    @Test
    void aMetaValueSurvivesReopeningUntilDeletedAndIsNoItemOfAnyTable() {
        var table = create("t");
        store.putMeta("events/position/1", new byte[] {1, 2, 3});
        store.close();
        store = TableStore.open(folder, "eu-west-2", "000000000000", Clock.systemUTC());

        var kept = store.meta("events/position/1");
        store.deleteMeta("events/position/1");

        assertThat(kept).hasValueSatisfying(value -> assertThat(value).containsExactly(1, 2, 3));
        assertThat(store.meta("events/position/1")).isEmpty();
        assertThat(readAll(table, new TableStore.ReadRange(null, null, 0, 1, true, null)))
                .isEmpty();
    }
}
