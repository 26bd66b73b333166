package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.admin;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static dev.regionless.region.replication.GlobalTableFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.TableStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;

/**
 * A third replica added to a global table holding 100,000 items while both replicas keep writing: the new replica
 * is filled page by page (the admin API shows its progress) and, once ACTIVE and caught up, all three replicas are
 * identical. The items are loaded through the table store's API rather than the SDK, to keep the test short.
 */
class BackfillAtScaleIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final String TABLE = "large";
    private static final int ITEMS = 100_000;
    private static final Duration FILLED = Duration.ofSeconds(120);

    @TempDir
    Path data;

    @Test
    void aReplicaAddedToATableOfAHundredThousandItemsUnderWritesEndsIdentical() throws Exception {
        try (var regions = RegionSet.start(data, REGIONS);
                var london = client(regions, "eu-west-2");
                var virginia = client(regions, "us-east-1")) {
            createTable(london, TABLE);
            load(regions.region("eu-west-2").tables());
            addReplica(london, "us-east-1");
            awaitActive(london, "us-east-1");
            var writing = new AtomicBoolean(true);
            var written = new AtomicInteger();
            var progress = new ConcurrentLinkedQueue<String>();
            var described = new ConcurrentLinkedQueue<String>();
            long started = System.nanoTime();

            try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var writer : List.of(london, virginia)) {
                    writers.submit(() -> writeUntilStopped(writer, writing, written));
                }
                addReplica(london, "us-west-2");
                await().atMost(FILLED).pollInterval(Duration.ofMillis(500)).until(() -> {
                    var backfills = admin(regions, "eu-west-2", "/admin/replication", null)
                            .path("backfills");
                    backfills.forEach(fill -> progress.add(fill.path("kind").asText() + " "
                            + fill.path("destination").asText() + " "
                            + fill.path("itemsRead").asLong() + "/"
                            + fill.path("itemsTotal").asLong()));
                    london.describeTable(b -> b.tableName(TABLE)).table().replicas().stream()
                            .filter(replica -> replica.replicaStatus() == ReplicaStatus.CREATING)
                            // absent (as DynamoDB may leave it) before the fill starts and after it ends
                            .filter(replica -> replica.replicaStatusPercentProgress() != null)
                            .forEach(replica ->
                                    described.add(replica.regionName() + " " + replica.replicaStatusPercentProgress()));
                    return backfills.isEmpty() && !progress.isEmpty();
                });
                awaitActive(london, "us-west-2");
                writing.set(false);
            }

            System.out.printf(
                    "backfill of %,d items under %,d writes took %.1f s; admin API: %s; DescribeTable: %s%n",
                    ITEMS, written.get(), (System.nanoTime() - started) / 1e9, progress, described);
            assertThat(written.get()).as("writes went on during the backfill").isPositive();
            assertThat(progress)
                    .as("the admin API showed the backfill part-way: %s", progress)
                    .anySatisfy(line -> {
                        assertThat(line).startsWith("backfill us-west-2 ");
                        var counts = line.substring(line.lastIndexOf(' ') + 1).split("/");
                        // the writers' deletes and new keys move the total a little from the items loaded
                        assertThat(Long.parseLong(counts[1])).isGreaterThan(ITEMS * 9L / 10);
                        assertThat(Long.parseLong(counts[0])).isPositive().isLessThan(Long.parseLong(counts[1]));
                    });
            assertThat(described)
                    .as("DescribeTable showed the new replica CREATING with its progress part-way")
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(Integer.parseInt(line.substring("us-west-2 ".length())))
                            .isBetween(0, 99));
            await().atMost(FILLED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                var verification = verify(regions, TABLE);
                assertThat(verification.differences()).isEmpty();
                assertThat(verification.replicas()).containsExactlyElementsOf(REGIONS);
                assertThat(verification.items()).isGreaterThan(ITEMS * 9L / 10);
            });
        }
    }

    /** Writes the items in batches of a thousand, each one atomic and durable commit, from a few threads. */
    private static void load(TableStore tables) throws Exception {
        var table = tables.requireTable(TABLE);
        try (var loaders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int start = 0; start < ITEMS; start += 1000) {
                int first = start;
                loaders.submit(() -> {
                    var writes = new ArrayList<TableStore.ItemWrite>();
                    for (int i = first; i < first + 1000; i++) {
                        var key = Item.of(Map.of("pk", new AttributeValue.S("item-" + i)));
                        var image = Item.of(Map.of(
                                "pk", new AttributeValue.S("item-" + i),
                                "value", new AttributeValue.S("loaded " + i)));
                        writes.add(new TableStore.ItemWrite(table, key, current -> Optional.of(image)));
                    }
                    assertThat(tables.transactWrite(writes).succeeded()).isTrue();
                    return null;
                });
            }
        }
        assertThat(tables.countItems(table)).isEqualTo(ITEMS);
    }

    private static void writeUntilStopped(DynamoDbClient client, AtomicBoolean writing, AtomicInteger written) {
        var random = new Random(client.hashCode());
        while (writing.get()) {
            var pk = "item-" + random.nextInt(ITEMS + ITEMS / 10);
            if (random.nextInt(5) == 0) {
                client.deleteItem(b -> b.tableName(TABLE).key(key(pk)));
            } else {
                client.putItem(b -> b.tableName(TABLE).item(item(pk, "updated " + written.incrementAndGet())));
            }
        }
    }

    private static void addReplica(DynamoDbClient home, String region) {
        home.updateTable(b -> b.tableName(TABLE)
                .replicaUpdates(ReplicationGroupUpdate.builder()
                        .create(c -> c.regionName(region))
                        .build()));
    }

    /** Waits until DescribeTable shows the replica ACTIVE (polled once a second: it counts the table's items). */
    private static void awaitActive(DynamoDbClient home, String region) {
        await().atMost(FILLED)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> home.describeTable(b -> b.tableName(TABLE)).table().replicas().stream()
                        .anyMatch(replica -> replica.regionName().equals(region)
                                && replica.replicaStatus() == ReplicaStatus.ACTIVE));
    }
}
