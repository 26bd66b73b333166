package dev.regionless.tables;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints of partition key hash ranges, by which replicas are compared without shipping their items. */
class RangeDigestTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.millis() << 16;
    private static final long ALL = KeyRangeDigest.HASH_SPACE;

    @TempDir
    Path folder;

    TableStore london;
    TableStore oregon;

    @BeforeEach
    void open() {
        london = TableStore.open(folder.resolve("london"), "eu-west-2", "000000000000", CLOCK);
        oregon = TableStore.open(folder.resolve("oregon"), "us-west-2", "000000000000", CLOCK);
        // A table id differs between stores: oregon gets another table first.
        create(oregon, "other");
        create(london, "t");
        create(oregon, "t");
    }

    @AfterEach
    void close() {
        london.close();
        oregon.close();
    }

    @Test
    void replicasHoldingTheSameWritesHaveEqualFingerprintsForEveryRange() {
        for (int i = 0; i < 100; i++) {
            applyInBoth("item-" + i, NOW + i);
        }

        for (long from = 0; from < ALL; from += ALL / 8) {
            assertThat(digest(london, from, from + ALL / 8)).isEqualTo(digest(oregon, from, from + ALL / 8));
        }
        assertThat(digest(london, 0, ALL).items()).isEqualTo(100);
    }

    @Test
    void anItemWithAnotherVersionChangesTheFingerprintOfItsRangeOnly() {
        for (int i = 0; i < 100; i++) {
            applyInBoth("item-" + i, NOW + i);
        }

        apply(oregon, "item-7", NOW + 1000);

        var differing = new ArrayList<Long>();
        for (long from = 0; from < ALL; from += ALL / 16) {
            if (!digest(london, from, from + ALL / 16).equals(digest(oregon, from, from + ALL / 16))) {
                differing.add(from);
            }
        }
        assertThat(differing).hasSize(1);
        var range = london.readVersioned(
                london.requireTable("t"), differing.getFirst(), differing.getFirst() + ALL / 16, null, 1000);
        assertThat(range).extracting(VersionedItem::key).contains(item("pk", s("item-7")));
    }

    @Test
    void readingARangeInPagesVisitsEachOfItsItemsOnce() {
        for (int i = 0; i < 50; i++) {
            applyInBoth("item-" + i, NOW + i);
        }
        var table = london.requireTable("t");

        var keys = new ArrayList<Item>();
        Item after = null;
        for (var page = london.readVersioned(table, 0, ALL, null, 7);
                !page.isEmpty();
                page = london.readVersioned(table, 0, ALL, after, 7)) {
            page.forEach(versioned -> keys.add(versioned.key()));
            after = page.getLast().key();
        }

        assertThat(keys).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyOrReversedRangeIsRefused() {
        var table = london.requireTable("t");

        assertThatThrownBy(() -> london.digest(table, 5, 5))
                .hasMessage("hash range: [5, 5) (expected: 0 <= from < to <= 2^32)");
        assertThatThrownBy(() -> london.digest(table, 0, ALL + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void applyInBoth(String pk, long timestamp) {
        apply(london, pk, timestamp);
        apply(oregon, pk, timestamp);
    }

    private static void apply(TableStore store, String pk, long timestamp) {
        var key = item("pk", s(pk));
        store.applyReplicated(
                store.requireTable("t"), key, Optional.of(item("pk", s(pk), "v", s("x"))), timestamp, "us-east-1");
    }

    private static KeyRangeDigest digest(TableStore store, long from, long to) {
        return store.digest(store.requireTable("t"), from, to);
    }

    private static TableState create(TableStore store, String name) {
        store.createTable(new TableDefinition(
                name,
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null),
                Map.of("pk", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES),
                false));
        return store.updateTable(name, state -> state.withReplicas(List.of("eu-west-2", "us-west-2", "us-east-1")));
    }
}
