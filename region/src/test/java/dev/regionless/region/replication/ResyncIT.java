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

import dev.regionless.common.MutableClock;
import dev.regionless.region.ChangeRetention;
import dev.regionless.region.RegionSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A region cut off for longer than the stream retention: its stream no longer holds the changes it made while cut
 * off, so when the link is restored it resynchronises the other replica from a snapshot of its own writes, and
 * last writer wins keeps the newer writes the other replica made meanwhile. The regions share a clock the test
 * moves by hand, with a one-hour retention, so "longer than the retention" takes no waiting.
 */
class ResyncIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1");
    private static final String TABLE = "resynced";
    private static final Duration RETENTION = Duration.ofHours(1);

    @TempDir
    Path data;

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void aRegionAwayLongerThanTheRetentionResynchronisesItsPeerAndKeepsThePeersNewerWrites() {
        var retention =
                new ChangeRetention(RETENTION, Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofMillis(200));
        try (var regions =
                        RegionSet.start(data, REGIONS, c -> c.withClock(clock).withRetention(retention));
                var london = client(regions, "eu-west-2");
                var virginia = client(regions, "us-east-1")) {
            createGlobalTable(regions, TABLE, REGIONS);
            for (int i = 0; i < 20; i++) {
                put(london, "a" + i, "initial");
            }
            await().atMost(CONVERGENCE).until(() -> scan(virginia, TABLE).size() == 20);

            cutLinks(regions, "eu-west-2", "*");
            for (int i = 0; i < 50; i++) {
                put(london, "written-while-away-" + i, "london");
            }
            for (int i = 1; i < 11; i++) {
                put(london, "a" + i, "updated in london");
            }
            for (int i = 11; i < 16; i++) {
                var pk = "a" + i;
                london.deleteItem(b -> b.tableName(TABLE).key(key(pk)));
            }
            long lastWrittenWhileAway = londonsStream(regions)[1];
            clock.advance(RETENTION.multipliedBy(2));
            put(virginia, "a1", "newer in virginia");
            virginia.deleteItem(b -> b.tableName(TABLE).key(key("a2")));
            await().atMost(CONVERGENCE)
                    .untilAsserted(() -> assertThat(londonsStream(regions)[0])
                            .as("London's stream no longer holds what it wrote while cut off")
                            .isGreaterThan(lastWrittenWhileAway));

            restoreLinks(regions, "eu-west-2", "*");

            var expected = new ArrayList<Map<String, AttributeValue>>();
            expected.add(item("a0", "initial"));
            expected.add(item("a1", "newer in virginia"));
            for (int i = 3; i < 11; i++) {
                expected.add(item("a" + i, "updated in london"));
            }
            for (int i = 16; i < 20; i++) {
                expected.add(item("a" + i, "initial"));
            }
            for (int i = 0; i < 50; i++) {
                expected.add(item("written-while-away-" + i, "london"));
            }
            expected.sort(Comparator.comparing(item -> item.get("pk").s()));
            for (var client : List.of(london, virginia)) {
                await().atMost(CONVERGENCE)
                        .untilAsserted(() -> assertThat(scan(client, TABLE)).isEqualTo(expected));
            }
            assertThat(verify(regions, TABLE).differences()).isEmpty();
            var link = admin(regions, "eu-west-2", "/admin/replication", null)
                    .path("links")
                    .get(0);
            assertThat(link.path("destination").asText()).isEqualTo("us-east-1");
            assertThat(link.path("resyncs").asLong()).isEqualTo(1);
        }
    }

    private static void put(DynamoDbClient client, String pk, String value) {
        client.putItem(b -> b.tableName(TABLE).item(item(pk, value)));
    }

    /** The first and last positions London's stream of the table holds. */
    private static long[] londonsStream(RegionSet regions) {
        var tables = regions.region("eu-west-2").tables();
        return tables.streamBounds(tables.requireTable(TABLE));
    }
}
