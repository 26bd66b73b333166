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

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.common.MutableClock;
import dev.regionless.region.ChangeRetention;
import dev.regionless.region.RegionSet;
import dev.regionless.tables.ChangeRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes in a global table leave tombstones, which are collected only once every replica has every write older
 * than them and they are older than the grace period: not while a region is cut off, and all of them once it is
 * back. After that, a late repeat of a write older than a collected tombstone does not bring the item back. The
 * regions share a clock the test moves by hand, so the one-minute grace period passes at once.
 */
class TombstoneCollectionIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final String TABLE = "collected";
    private static final Duration GRACE = Duration.ofMinutes(1);

    @TempDir
    Path data;

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void tombstonesAreKeptWhileARegionIsCutOffAndCollectedEverywhereOnceItIsBack() throws Exception {
        var retention =
                new ChangeRetention(Duration.ofHours(24), Duration.ofMinutes(10), GRACE, Duration.ofMillis(200));
        try (var regions =
                        RegionSet.start(data, REGIONS, c -> c.withClock(clock).withRetention(retention));
                var london = client(regions, "eu-west-2");
                var oregon = client(regions, "us-west-2")) {
            createGlobalTable(regions, TABLE, REGIONS);
            for (int i = 0; i < 30; i++) {
                var pk = "item-" + i;
                london.putItem(b -> b.tableName(TABLE).item(item(pk, "v")));
            }
            await().atMost(CONVERGENCE).until(() -> scan(oregon, TABLE).size() == 30);
            for (int i = 0; i < 10; i++) {
                var pk = "item-" + i;
                (i % 2 == 0 ? london : oregon)
                        .deleteItem(b -> b.tableName(TABLE).key(key(pk)));
            }
            awaitTombstones(regions, Map.of("eu-west-2", 10L, "us-east-1", 10L, "us-west-2", 10L));

            long roundsBefore = rounds(regions, "eu-west-2");
            await().atMost(CONVERGENCE).until(() -> rounds(regions, "eu-west-2") >= roundsBefore + 3);
            assertThat(tombstoneStatus(regions, "eu-west-2").path("lastOutcome").asText())
                    .as("within the grace period nothing is collected")
                    .contains("grace period");
            assertThat(tombstoneCounts(regions))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("eu-west-2", 10L, "us-east-1", 10L, "us-west-2", 10L));

            cutLinks(regions, "us-west-2", "*");
            for (int i = 10; i < 15; i++) {
                var pk = "item-" + i;
                london.deleteItem(b -> b.tableName(TABLE).key(key(pk)));
            }
            awaitTombstones(regions, Map.of("eu-west-2", 15L, "us-east-1", 15L, "us-west-2", 10L));
            clock.advance(GRACE.multipliedBy(2));
            var before = Map.of(
                    "eu-west-2", rounds(regions, "eu-west-2"),
                    "us-east-1", rounds(regions, "us-east-1"),
                    "us-west-2", rounds(regions, "us-west-2"));
            await().atMost(CONVERGENCE)
                    .until(() -> before.entrySet().stream()
                            .allMatch(entry -> rounds(regions, entry.getKey()) >= entry.getValue() + 3));

            assertThat(tombstoneCounts(regions))
                    .as("no tombstone goes while us-west-2 is cut off: its unshipped writes may be older")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("eu-west-2", 15L, "us-east-1", 15L, "us-west-2", 10L));
            assertThat(tombstoneStatus(regions, "us-east-1").path("lastOutcome").asText())
                    .contains("us-west-2")
                    .contains("does not answer");

            restoreLinks(regions, "us-west-2", "*");

            awaitTombstones(regions, Map.of("eu-west-2", 0L, "us-east-1", 0L, "us-west-2", 0L));
            assertThat(tombstoneStatus(regions, "eu-west-2").path("collected").asLong())
                    .isEqualTo(15);
            assertThat(scan(london, TABLE)).hasSize(15).isEqualTo(scan(oregon, TABLE));
            assertThat(verify(regions, TABLE).differences()).isEmpty();

            var answer = resendOriginalInsert(regions, "item-0");
            assertThat(answer.path("applied").asInt())
                    .as("a repeat older than the horizon is refused")
                    .isZero();
            assertThat(london.getItem(b -> b.tableName(TABLE).key(key("item-0")).consistentRead(true))
                            .hasItem())
                    .isFalse();
        }
    }

    private static void awaitTombstones(RegionSet regions, Map<String, Long> expected) {
        await().atMost(CONVERGENCE)
                .untilAsserted(() -> assertThat(tombstoneCounts(regions)).containsExactlyInAnyOrderEntriesOf(expected));
    }

    private static Map<String, Long> tombstoneCounts(RegionSet regions) {
        var counts = new java.util.HashMap<String, Long>();
        for (var region : REGIONS) {
            counts.put(
                    region, tombstoneStatus(regions, region).path("tombstones").asLong());
        }
        return counts;
    }

    private static long rounds(RegionSet regions, String region) {
        return tombstoneStatus(regions, region).path("rounds").asLong();
    }

    /** The table's entry under {@code tombstones} in the region's {@code GET /admin/replication}. */
    private static JsonNode tombstoneStatus(RegionSet regions, String region) {
        for (var entry : admin(regions, region, "/admin/replication", null).path("tombstones")) {
            if (entry.path("table").asText().equals(TABLE)) {
                return entry;
            }
        }
        throw new AssertionError("no tombstone status for " + TABLE + " in " + region);
    }

    /**
     * Sends London, as Virginia's replication would, the item's original insert again (a repeat delivered late),
     * read from the stream of the region that accepted it; answers London's acknowledgement.
     */
    private static JsonNode resendOriginalInsert(RegionSet regions, String pk) throws Exception {
        var tables = regions.region("eu-west-2").tables();
        ChangeRecord insert = tables.readStream(tables.requireTable(TABLE), 0, 10_000).stream()
                .filter(record -> record.eventName() == ChangeRecord.EventName.INSERT)
                .filter(record ->
                        record.keys().get("pk").orElseThrow().equals(new dev.regionless.tables.AttributeValue.S(pk)))
                .findFirst()
                .orElseThrow();
        var body = Json.mapper().createObjectNode().put("table", TABLE).put("source", "us-east-1");
        var change = body.putArray("changes").addObject();
        change.put("seq", 1);
        change.putObject("keys").putObject("pk").put("S", pk);
        var image = change.putObject("image");
        image.putObject("pk").put("S", pk);
        image.putObject("value").put("S", "v");
        change.put("ts", insert.timestamp());
        change.put("origin", insert.origin());
        change.put("createdAt", insert.createdAtMillis());
        URI uri = regions.region("eu-west-2").endpoints().service().resolve("/regionless/replication/v1/changes");
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("X-Regionless-Source", "us-east-1")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Json.mapper().readTree(response.body());
        }
    }
}
