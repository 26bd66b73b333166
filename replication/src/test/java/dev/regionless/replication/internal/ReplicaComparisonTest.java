package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.common.AwsException;
import dev.regionless.replication.KeyDifference;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.Throughput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparing replicas by fingerprints of hash ranges: the real answering code over real table stores, called
 * directly rather than over HTTP, with small ranges so that a few thousand items take several levels.
 */
class ReplicaComparisonTest {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final long T0 = System.currentTimeMillis() << 16;

    @TempDir
    Path folder;

    private final Map<String, TableStore> stores = new TreeMap<>();

    @BeforeEach
    void open() {
        for (var region : REGIONS) {
            var store = TableStore.open(folder.resolve(region), region, "000000000000", Clock.systemUTC());
            store.createTable(definition("t"));
            store.updateTable("t", state -> state.withReplicas(REGIONS));
            stores.put(region, store);
        }
    }

    @AfterEach
    void close() {
        stores.values().forEach(TableStore::close);
    }

    @Test
    void identicalReplicasShowNoDifferenceAndAreComparedWithoutListingTheirKeys() {
        applyEverywhere(5000);

        var result = compare();

        assertThat(result.identical()).isTrue();
        assertThat(result.items()).isEqualTo(5000);
        assertThat(result.requests()).as("one fingerprint request per replica").isEqualTo(3);
    }

    @Test
    void plantedDifferencesAreFoundKeyByKeyThroughSeveralLevels() {
        applyEverywhere(5000);
        apply("us-east-1", List.of(versioned("item-17", T0 + 100_000, "us-east-1")));
        apply("us-west-2", List.of(versioned("only-in-oregon", T0, "us-west-2")));
        stores.get("eu-west-2")
                .applyReplicated(stores.get("eu-west-2").requireTable("t"), List.of(tombstone("item-4242")));

        var result = compare();

        assertThat(result.differences())
                .extracting(KeyDifference::key)
                .containsExactly(
                        "{\"pk\":{\"S\":\"item-17\"}}",
                        "{\"pk\":{\"S\":\"item-4242\"}}",
                        "{\"pk\":{\"S\":\"only-in-oregon\"}}");
        assertThat(result.differences().get(1).versions())
                .containsEntry("eu-west-2", KeyDifference.ABSENT)
                .containsEntry("us-east-1", (T0 + 4242) + " us-east-1");
        assertThat(result.requests()).as("far fewer calls than items").isLessThan(100);
    }

    @Test
    void aReplicaThatDoesNotHoldTheTableIsAnError() {
        stores.get("us-west-2").deleteTable("t");

        assertThatThrownBy(this::compare)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("table t: us-west-2 holds no such table, although the other replicas list it");
    }

    private dev.regionless.replication.TableVerification compare() {
        return new ReplicaComparison("t", stores.keySet(), new DirectTransport(), 4, 4, 16).run();
    }

    private void applyEverywhere(int count) {
        var writes = new ArrayList<VersionedItem>();
        for (int i = 0; i < count; i++) {
            writes.add(versioned("item-" + i, T0 + i, "us-east-1"));
        }
        REGIONS.forEach(region -> apply(region, writes));
    }

    private void apply(String region, List<VersionedItem> writes) {
        var store = stores.get(region);
        store.applyReplicated(store.requireTable("t"), writes);
    }

    private static VersionedItem versioned(String pk, long timestamp, String origin) {
        var key = Item.of(Map.of("pk", new AttributeValue.S(pk)));
        var image = Item.of(Map.of("pk", new AttributeValue.S(pk), "v", new AttributeValue.S("x")));
        return new VersionedItem(key, image, timestamp, origin);
    }

    private static VersionedItem tombstone(String pk) {
        return new VersionedItem(Item.of(Map.of("pk", new AttributeValue.S(pk))), null, T0 + 1_000_000, "eu-west-2");
    }

    private static TableDefinition definition(String name) {
        return new TableDefinition(
                name,
                new KeySchema(new KeyElement("pk", ScalarAttributeType.S), null),
                Map.of("pk", ScalarAttributeType.S),
                BillingMode.PAY_PER_REQUEST,
                Throughput.ON_DEMAND,
                List.of(),
                new StreamSpecification(true, StreamSpecification.StreamViewType.NEW_AND_OLD_IMAGES),
                false);
    }

    /** Hands each call to the answering code of the region's store, as the receiver does. */
    private final class DirectTransport implements ReplicaComparison.Transport {
        @Override
        public ReplicaComparison.Answer post(String region, String path, byte[] body) {
            var answers = new RangeAnswers(region, stores.get(region));
            try {
                var answer = path.equals(RangeCalls.DIGESTS_PATH) ? answers.digests(body) : answers.versions(body);
                return new ReplicaComparison.Answer(200, answer);
            } catch (AwsException e) {
                var error = "{\"__type\": \"" + e.code() + "\", \"message\": \"" + e.getMessage() + "\"}";
                return new ReplicaComparison.Answer(e.status(), error.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {}
    }
}
