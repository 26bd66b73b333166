package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.admin;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.region.RegionConfig;
import dev.regionless.region.RegionSet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The admin API's chaos switches for replication links, as the CLI drives them: a link's delay changed while the
 * regions run, cuts that outlive a region going dark and coming back, {@code /admin/status}, and bad requests.
 */
class LinkChaosIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1");

    @TempDir
    static Path data;

    static RegionSet regions;
    static DynamoDbClient london;
    static DynamoDbClient virginia;

    @BeforeAll
    static void start() {
        // Each region on its own loopback address, as in the demo: links run between addresses, not only ports.
        regions = RegionSet.start(
                data, REGIONS, c -> c.withHost(RegionConfig.loopbackAddress(REGIONS.indexOf(c.name()))));
        london = client(regions, "eu-west-2");
        virginia = client(regions, "us-east-1");
    }

    @AfterAll
    static void stop() {
        london.close();
        virginia.close();
        regions.close();
    }

    @Test
    void aLinkDelayChangedAtRuntimeHoldsChangesBackUntilItIsShortenedAgain() {
        createGlobalTable(regions, "delayed", REGIONS);

        var view = admin(regions, "eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": 60000}");
        london.putItem(b -> b.tableName("delayed").item(item("held-back", "from london")));
        virginia.putItem(b -> b.tableName("delayed").item(item("goes-through", "from virginia")));
        await().atMost(CONVERGENCE).until(() -> has(london, "delayed", "goes-through"));

        assertThat(view.path("links").get(0).path("peer").asText()).isEqualTo("us-east-1");
        assertThat(view.path("links").get(0).path("delayMillis").asLong()).isEqualTo(60_000);
        assertThat(has(virginia, "delayed", "held-back"))
                .as("the other direction has delivered a later write; this one waits out its minute")
                .isFalse();
        var reverse = admin(regions, "us-east-1", "/admin/links", null);
        assertThat(reverse.path("links").get(0).path("delayMillis").asLong()).isZero();

        admin(regions, "eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": 0}");

        await().atMost(CONVERGENCE).until(() -> has(virginia, "delayed", "held-back"));
    }

    @Test
    void aLinkCutOnPurposeStaysCutWhenTheRegionGoesDarkAndComesBack() {
        createGlobalTable(regions, "partitioned", REGIONS);
        admin(regions, "us-east-1", "/admin/links/eu-west-2", "{\"state\": \"cut\"}");

        admin(regions, "us-east-1", "/admin/region-state", "{\"state\": \"down\"}");
        var dark = admin(regions, "us-east-1", "/admin/status", null);
        admin(regions, "us-east-1", "/admin/region-state", "{\"state\": \"up\"}");
        var back = admin(regions, "us-east-1", "/admin/status", null);
        virginia.putItem(b -> b.tableName("partitioned").item(item("while-cut", "from virginia")));

        assertThat(dark.path("state").asText()).isEqualTo("down");
        assertThat(dark.path("links").path("isolated").asBoolean()).isTrue();
        assertThat(back.path("state").asText()).isEqualTo("up");
        assertThat(back.path("links").path("isolated").asBoolean()).isFalse();
        assertThat(back.path("links").path("cut").toString()).isEqualTo("[\"eu-west-2\"]");
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            var link = linkTo(regions, "us-east-1", "partitioned");
            assertThat(link.path("cut").asBoolean()).isTrue();
            assertThat(link.path("pending").asLong()).isPositive();
        });
        assertThat(has(london, "partitioned", "while-cut")).isFalse();

        admin(regions, "us-east-1", "/admin/links/eu-west-2", "{\"state\": \"up\"}");

        await().atMost(CONVERGENCE).until(() -> has(london, "partitioned", "while-cut"));
    }

    @Test
    void statusCombinesHealthStateLinksAndReplication() {
        createGlobalTable(regions, "reported", REGIONS);
        admin(regions, "eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": 25}");

        var status = admin(regions, "eu-west-2", "/admin/status", null);
        admin(regions, "eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": 0}");

        assertThat(status.path("region").asText()).isEqualTo("eu-west-2");
        assertThat(status.path("health").asText()).isEqualTo("ok");
        assertThat(status.path("healthSwitch").asText()).isEqualTo("pass");
        assertThat(status.path("state").asText()).isEqualTo("up");
        var link = status.path("links").path("links").get(0);
        assertThat(link.path("peer").asText()).isEqualTo("us-east-1");
        assertThat(link.path("cut").asBoolean()).isFalse();
        assertThat(link.path("delayMillis").asLong()).isEqualTo(25);
        assertThat(status.path("replication").path("links").findValuesAsText("table"))
                .contains("reported");
    }

    @Test
    void badLinkRequestsAreRefusedNamingTheValueAndWhatWasExpected() throws Exception {
        var negative = put("eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": -1}");
        var text = put("eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": \"soon\"}");
        var tooLong = put("eu-west-2", "/admin/links/us-east-1/delay", "{\"delayMillis\": 60001}");
        var self = put("eu-west-2", "/admin/links/eu-west-2/delay", "{\"delayMillis\": 5}");
        var every = put("eu-west-2", "/admin/links/*/delay", "{\"delayMillis\": 5}");
        var state = put("eu-west-2", "/admin/links/us-east-1", "{\"state\": \"sideways\"}");

        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(message(negative))
                .isEqualTo("delayMillis: -1 (expected: an integer number of milliseconds, 0..60000)");
        assertThat(message(text))
                .isEqualTo("delayMillis: \"soon\" (expected: an integer number of milliseconds, 0..60000)");
        assertThat(message(tooLong)).startsWith("delayMillis: 60001 (expected:");
        assertThat(message(self)).isEqualTo("peer: eu-west-2 (expected: the name of a region other than eu-west-2)");
        assertThat(message(every)).startsWith("peer: * (expected:");
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(message(state)).isEqualTo("state: \"sideways\" (expected: \"cut\" or \"up\")");
        assertThat(admin(regions, "eu-west-2", "/admin/links", null).path("cut").isEmpty())
                .isTrue();
    }

    private static boolean has(DynamoDbClient client, String table, String pk) {
        return client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true))
                .hasItem();
    }

    private static JsonNode linkTo(RegionSet set, String region, String table) {
        for (var link : admin(set, region, "/admin/replication", null).path("links")) {
            if (link.path("table").asText().equals(table)) {
                return link;
            }
        }
        throw new AssertionError("no link of " + table + " in " + region);
    }

    private static HttpResponse<String> put(String region, String path, String body) throws Exception {
        var uri = regions.region(region).endpoints().admin().resolve(path);
        try (var http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body()).path("message").asText();
    }
}
