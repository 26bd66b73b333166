package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static dev.regionless.region.replication.GlobalTableFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/** Global tables across three regions in one JVM, driven through each region's DynamoDB endpoint. */
class GlobalTablesIT {
    static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");

    @TempDir
    static Path data;

    static RegionSet regions;
    static DynamoDbClient london;
    static DynamoDbClient virginia;
    static DynamoDbClient oregon;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(data, REGIONS);
        london = client(regions, "eu-west-2");
        virginia = client(regions, "us-east-1");
        oregon = client(regions, "us-west-2");
    }

    @AfterAll
    static void stop() {
        london.close();
        virginia.close();
        oregon.close();
        regions.close();
    }

    @Test
    void describeTableShowsTheOtherReplicasOfAGlobalTable() {
        createGlobalTable(regions, "described", REGIONS);

        var table = virginia.describeTable(b -> b.tableName("described")).table();

        assertThat(table.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(table.replicas())
                .extracting(replica -> replica.regionName() + " " + replica.replicaStatus())
                .containsExactlyInAnyOrder("eu-west-2 ACTIVE", "us-west-2 ACTIVE");
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void aWriteInAnyRegionBecomesReadableInTheOthers() {
        createGlobalTable(regions, "everywhere", REGIONS);

        london.putItem(b -> b.tableName("everywhere").item(item("from-london", "1")));
        virginia.putItem(b -> b.tableName("everywhere").item(item("from-virginia", "2")));
        oregon.putItem(b -> b.tableName("everywhere").item(item("from-oregon", "3")));

        for (var client : List.of(london, virginia, oregon)) {
            await().atMost(CONVERGENCE)
                    .untilAsserted(() -> assertThat(scan(client, "everywhere"))
                            .containsExactly(
                                    item("from-london", "1"), item("from-oregon", "3"), item("from-virginia", "2")));
        }
    }

    @Test
    void deletesReplicate() {
        createGlobalTable(regions, "deletes", REGIONS);
        london.putItem(b -> b.tableName("deletes").item(item("doomed", "1")));
        await().atMost(CONVERGENCE)
                .until(() -> oregon.getItem(
                                b -> b.tableName("deletes").key(key("doomed")).consistentRead(true))
                        .hasItem());

        oregon.deleteItem(b -> b.tableName("deletes").key(key("doomed")));

        for (var client : List.of(london, virginia, oregon)) {
            await().atMost(CONVERGENCE)
                    .untilAsserted(() -> assertThat(scan(client, "deletes")).isEmpty());
        }
    }

    @Test
    void conflictingWritesToOneKeyConvergeOnTheSameWinnerEverywhere() throws Exception {
        createGlobalTable(regions, "conflicts", REGIONS);
        var clients = Map.of("eu-west-2", london, "us-east-1", virginia, "us-west-2", oregon);
        var start = new CountDownLatch(1);

        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var entry : clients.entrySet()) {
                writers.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        var value = entry.getKey() + "-" + i;
                        entry.getValue().putItem(b -> b.tableName("conflicts").item(item("contested", value)));
                    }
                    return null;
                });
            }
            start.countDown();
        }

        var winner = winnerOfLocalWrites("conflicts", "contested");
        for (var client : clients.values()) {
            await().atMost(CONVERGENCE)
                    .untilAsserted(() -> assertThat(scan(client, "conflicts")).containsExactly(winner));
        }
    }

    @Test
    void aReplicatedWriteAppearsInTheReceivingRegionsStreamWithItsOrigin() {
        createGlobalTable(regions, "streamed", REGIONS);

        london.putItem(b -> b.tableName("streamed").item(item("news", "hello")));

        var oregonTables = regions.region("us-west-2").tables();
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var table = oregonTables.requireTable("streamed");
            assertThat(oregonTables.readStream(table, 0, 100)).singleElement().satisfies(record -> {
                assertThat(record.origin()).isEqualTo("eu-west-2");
                assertThat(record.eventName()).isEqualTo(ChangeRecord.EventName.INSERT);
                assertThat(record.newImage().get("value"))
                        .contains(new dev.regionless.tables.AttributeValue.S("hello"));
            });
        });
    }

    @Test
    void aReplicaAddedToATableWithDataWhileWritesContinueEndsIdentical() throws Exception {
        createGlobalTable(regions, "growing", List.of("eu-west-2", "us-east-1"));
        for (int i = 0; i < 1000; i++) {
            var pk = "item-" + i;
            (i % 2 == 0 ? london : virginia).putItem(b -> b.tableName("growing").item(item(pk, "initial")));
        }
        var writing = new AtomicBoolean(true);
        var written = new AtomicInteger();

        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var client : List.of(london, virginia)) {
                writers.submit(() -> {
                    var random = new java.util.Random(client.hashCode());
                    while (writing.get()) {
                        var pk = "item-" + random.nextInt(1200);
                        if (random.nextInt(5) == 0) {
                            client.deleteItem(b -> b.tableName("growing").key(key(pk)));
                        } else {
                            client.putItem(
                                    b -> b.tableName("growing").item(item(pk, "updated-" + written.incrementAndGet())));
                        }
                    }
                    return null;
                });
            }
            GlobalTableFixture.addReplicas(london, "growing", List.of("us-west-2"));
            assertThat(london.describeTable(b -> b.tableName("growing")).table().replicas())
                    .anySatisfy(replica -> assertThat(replica.regionName() + " " + replica.replicaStatus())
                            .isIn("us-west-2 CREATING", "us-west-2 ACTIVE"));
            GlobalTableFixture.awaitActive(london, "growing", 2);
            writing.set(false);
        }

        assertThat(written.get()).isPositive();
        // London may still be receiving Virginia's last writes: wait until all three replicas agree.
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var londonItems = scan(london, "growing");
            assertThat(scan(virginia, "growing")).isEqualTo(londonItems);
            assertThat(scan(oregon, "growing")).isEqualTo(londonItems);
        });
        assertThat(oregon.describeTable(b -> b.tableName("growing")).table().replicas())
                .extracting(replica -> replica.replicaStatus())
                .containsOnly(ReplicaStatus.ACTIVE);
    }

    @Test
    void theAdminApiReportsEachLinksBacklogAndLag() throws Exception {
        createGlobalTable(regions, "reported", REGIONS);
        var clients = List.of(london, virginia, oregon);
        for (int i = 0; i < 300; i++) {
            var pk = "item-" + i;
            clients.get(i % 3).putItem(b -> b.tableName("reported").item(item(pk, "v")));
        }
        await().atMost(CONVERGENCE).until(() -> scan(oregon, "reported").size() == 300);
        await().atMost(CONVERGENCE).until(() -> scan(london, "reported").size() == 300);

        var admin = regions.region("eu-west-2").endpoints().admin();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(admin.resolve("/admin/replication"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = dev.regionless.common.Json.mapper().readTree(response.body());
        System.out.println("GET /admin/replication in eu-west-2: " + body.toPrettyString());
        assertThat(body.get("region").asText()).isEqualTo("eu-west-2");
        var links = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        body.get("links").forEach(link -> {
            if (link.get("table").asText().equals("reported")) {
                links.add(link);
            }
        });
        assertThat(links)
                .extracting(link -> link.get("destination").asText())
                .containsExactly("us-east-1", "us-west-2");
        assertThat(links).allSatisfy(link -> {
            assertThat(link.get("source").asText()).isEqualTo("eu-west-2");
            assertThat(link.get("pending").asLong()).isZero();
            assertThat(link.get("oldestPendingAgeMillis").asLong()).isZero();
            assertThat(link.get("shipped").asLong()).isEqualTo(100);
            assertThat(link.get("lagP50Millis").asLong())
                    .isBetween(0L, link.get("lagP99Millis").asLong());
        });
    }

    /**
     * The item last writer wins must pick: of the writes each region accepted itself (read from its own stream),
     * the one with the highest timestamp, ties going to the region whose name sorts last.
     */
    private static Map<String, AttributeValue> winnerOfLocalWrites(String tableName, String pk) {
        var candidates = new ArrayList<ChangeRecord>();
        for (var region : REGIONS) {
            var tables = regions.region(region).tables();
            var table = tables.requireTable(tableName);
            tables.readStream(table, 0, 10_000).stream()
                    .filter(record -> record.origin().equals(region))
                    .filter(record -> record.keys()
                            .get("pk")
                            .orElseThrow()
                            .equals(new dev.regionless.tables.AttributeValue.S(pk)))
                    .forEach(candidates::add);
        }
        var newest = candidates.stream()
                .max(Comparator.comparingLong(ChangeRecord::timestamp).thenComparing(ChangeRecord::origin))
                .orElseThrow();
        return toSdk(newest.newImage());
    }

    private static Map<String, AttributeValue> toSdk(Item image) {
        var value = ((dev.regionless.tables.AttributeValue.S) image.get("value").orElseThrow()).value();
        var pk = ((dev.regionless.tables.AttributeValue.S) image.get("pk").orElseThrow()).value();
        return item(pk, value);
    }
}
