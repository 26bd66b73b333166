package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.admin;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.cutLinks;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static dev.regionless.region.replication.GlobalTableFixture.restoreLinks;
import static dev.regionless.region.replication.GlobalTableFixture.scan;
import static dev.regionless.region.replication.GlobalTableFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.tables.AttributeValue.S;
import dev.regionless.tables.ChangeRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One region cut off from the others while all three keep writing to the same keys; once the links are restored,
 * every replica holds, for each key, the write last writer wins picks from the test's own record of the writes.
 */
class PartitionIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final String TABLE = "contested";
    private static final int KEYS = 12;

    @TempDir
    Path data;

    /** A write a region acknowledged: which region, which key, and the value, unique to this write. */
    private record Write(String region, String pk, String value) {}

    /** When and where a write was accepted, as the accepting region's stream records it. */
    private record Stamp(long timestamp, String origin) {}

    @Test
    void afterAPartitionHealsEveryReplicaHoldsTheLastWriterOfEachKey() throws Exception {
        try (var regions = RegionSet.start(data, REGIONS)) {
            createGlobalTable(regions, TABLE, REGIONS);
            var writes = new ConcurrentLinkedQueue<Write>();
            var stop = new AtomicBoolean();
            var writers = new ArrayList<Thread>();

            cutLinks(regions, "eu-west-2", "*");
            for (int r = 0; r < REGIONS.size(); r++) {
                var region = REGIONS.get(r);
                var random = new Random(r);
                writers.add(Thread.ofPlatform().start(() -> writeUntilStopped(regions, region, random, stop, writes)));
            }
            try (var london = client(regions, "eu-west-2");
                    var virginia = client(regions, "us-east-1")) {
                london.putItem(b -> b.tableName(TABLE).item(item("written-in-london-while-cut", "l")));
                await().atMost(CONVERGENCE).until(() -> writes.size() >= 600);

                assertThat(virginia.getItem(b -> b.tableName(TABLE)
                                        .key(key("written-in-london-while-cut"))
                                        .consistentRead(true))
                                .hasItem())
                        .as("nothing crosses a cut link")
                        .isFalse();
                assertThat(linksOf(regions, "eu-west-2")).allSatisfy(link -> {
                    assertThat(link.get("cut").asBoolean()).isTrue();
                    assertThat(link.get("pending").asLong()).isPositive();
                });
                assertThat(linksOf(regions, "us-east-1"))
                        .filteredOn(link -> link.get("destination").asText().equals("eu-west-2"))
                        .singleElement()
                        .satisfies(link -> assertThat(link.get("pending").asLong())
                                .as("London refuses what Virginia sends")
                                .isPositive());

                restoreLinks(regions, "eu-west-2", "*");
                Thread.sleep(300); // writes go on across the heal
                stop.set(true);
                for (var writer : writers) {
                    writer.join();
                }
            }

            var expected = winners(regions, writes);
            expected.add(item("written-in-london-while-cut", "l"));
            expected.sort(Comparator.comparing(item -> item.get("pk").s()));
            for (var region : REGIONS) {
                try (var client = client(regions, region)) {
                    await().atMost(CONVERGENCE)
                            .untilAsserted(() -> assertThat(scan(client, TABLE)).isEqualTo(expected));
                }
            }
            assertThat(admin(regions, "eu-west-2", "/admin/links", null).get("cut"))
                    .isEmpty();
            var verification = verify(regions, TABLE);
            assertThat(verification.differences()).isEmpty();
            assertThat(verification.items()).isEqualTo(expected.size());
        }
    }

    private static void writeUntilStopped(
            RegionSet regions, String region, Random random, AtomicBoolean stop, ConcurrentLinkedQueue<Write> writes) {
        try (DynamoDbClient client = client(regions, region)) {
            for (int n = 0; !stop.get(); n++) {
                var write = new Write(region, "key-" + random.nextInt(KEYS), region + "#" + n);
                client.putItem(b -> b.tableName(TABLE).item(item(write.pk(), write.value())));
                writes.add(write);
            }
        }
    }

    /**
     * For each key, the write last writer wins must keep: the one with the highest (timestamp, origin), read from
     * the stream of the region that accepted it.
     */
    private static List<Map<String, AttributeValue>> winners(RegionSet regions, ConcurrentLinkedQueue<Write> writes) {
        var stamps = new HashMap<String, Stamp>();
        for (var region : REGIONS) {
            var tables = regions.region(region).tables();
            for (ChangeRecord record : tables.readStream(tables.requireTable(TABLE), 0, Integer.MAX_VALUE)) {
                if (record.origin().equals(region) && record.newImage() != null) {
                    var value = ((S) record.newImage().get("value").orElseThrow()).value();
                    stamps.put(value, new Stamp(record.timestamp(), record.origin()));
                }
            }
        }
        var order = Comparator.comparingLong(Stamp::timestamp).thenComparing(Stamp::origin);
        var newest = new HashMap<String, Write>();
        for (var write : writes) {
            var stamp = stamps.get(write.value());
            assertThat(stamp).as("the stream record of %s", write).isNotNull();
            newest.merge(write.pk(), write, (a, b) -> order.compare(stamps.get(a.value()), stamp) >= 0 ? a : b);
        }
        assertThat(newest.values().stream().map(Write::region).distinct())
                .as("regions whose writes won")
                .hasSizeGreaterThan(1);
        var items = new ArrayList<Map<String, AttributeValue>>();
        newest.values().forEach(write -> items.add(item(write.pk(), write.value())));
        return items;
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> linksOf(RegionSet regions, String region) {
        var links = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        admin(regions, region, "/admin/replication", null).get("links").forEach(links::add);
        return links;
    }
}
