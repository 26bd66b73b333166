package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quack, the reference chat, deployed from its own template and used as its browser page uses it. */
class QuackAppIT {
    @TempDir
    static Path folder;

    static RegionSet regions;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2", "us-west-2"));
        regions.deploy(TestApps.quackTemplate(), Map.of());
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    private static RegionNode region() {
        return regions.region("eu-west-2");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(region(), path);
    }

    private static HttpResponse<String> get(RegionNode region, String path) throws Exception {
        var uri = URI.create(region.endpoints().api() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocketTestClient connect() {
        return connect(region());
    }

    private static WebSocketTestClient connect(RegionNode region) {
        return WebSocketTestClient.connect(region.endpoints().websocket());
    }

    private static JsonNode history() throws Exception {
        return history(region());
    }

    private static JsonNode history(RegionNode region) throws Exception {
        var response = get(region, "/history");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    @Test
    void healthAnswersOk() throws Exception {
        var response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Ok");
    }

    @Test
    void theWebPageIsServedWithItsWebSocketAddress() throws Exception {
        var page = get("/");
        var config = get("/config.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Quack");
        assertThat(config.body()).contains(region().endpoints().websocket().toString());
    }

    @Test
    void aSentMessageIsStoredAndListedInHistoryWithItsRegionAndOrigin() throws Exception {
        try (var client = connect()) {
            client.send("{\"action\":\"send\",\"message\":\"hello from the test\"}");

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(history().toString()).contains("hello from the test"));
        }
        var message = findInHistory("hello from the test");
        assertThat(message.get("region").asText()).isEqualTo("eu-west-2");
        assertThat(message.get("origin").asText()).isEqualTo("eu-west-2");
        assertThat(message.get("ts").asText()).matches("\\d+");
    }

    @Test
    void everyConnectedClientReceivesASentMessageAsAnArray() throws Exception {
        try (var alice = connect();
                var bob = connect()) {
            alice.send("{\"action\":\"send\",\"message\":\"hi bob\"}");

            var received = frameWith(bob, "hi bob");
            assertThat(received.isArray()).isTrue();
            var message = received.get(0);
            assertThat(message.get("region").asText()).isEqualTo("eu-west-2");
            assertThat(message.get("origin").asText()).isEqualTo("eu-west-2");
            assertThat(message.get("id").asText()).isNotEmpty();
            assertThat(frameWith(alice, "hi bob").get(0).get("source").asText())
                    .isEqualTo(message.get("source").asText());
        }
    }

    @Test
    void aMessageSentInOneRegionReachesTheOtherRegionsClientsAndHistoryTaggedWithItsOrigin() throws Exception {
        var oregon = regions.region("us-west-2");
        try (var london = connect();
                var portland = connect(oregon)) {
            london.send("{\"action\":\"send\",\"message\":\"across the ocean\"}");

            var delivered = frameWith(portland, "across the ocean").get(0);
            assertThat(delivered.get("region").asText()).isEqualTo("us-west-2");
            assertThat(delivered.get("origin").asText()).isEqualTo("eu-west-2");
        }
        assertThat(history(oregon).toString()).contains("across the ocean");
    }

    @Test
    void historyKeepsTheOriginalAppsProtocolNewestFirstAndAtMostAHundred() throws Exception {
        var oregon = regions.region("us-west-2");
        try (var dynamo = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(oregon.endpoints().service())
                .region(software.amazon.awssdk.regions.Region.US_WEST_2)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("key", "secret")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build()) {
            for (int i = 0; i < 105; i++) {
                long ts = 1_000_000 + i;
                dynamo.putItem(b -> b.tableName("quack-messages")
                        .item(Map.of(
                                "id", av("old-" + ts),
                                "ts",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                                                Long.toString(ts)),
                                "type", av("message"),
                                "message", av("message " + ts),
                                "source", av("conn"),
                                "origin", av("us-west-2"))));
            }
        }

        var history = history(oregon);

        assertThat(history).hasSize(100);
        long previous = Long.MAX_VALUE;
        for (var message : history) {
            assertThat(message.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("id", "ts", "message", "source", "region", "origin");
            assertThat(message.get("ts").isTextual()).isTrue();
            long ts = Long.parseLong(message.get("ts").asText());
            assertThat(ts).isLessThanOrEqualTo(previous);
            previous = ts;
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String text) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(text);
    }

    @Test
    void anEmptyMessageIsAnErrorFrameAndStoresNothing() throws Exception {
        try (var client = connect()) {
            client.send("{\"action\":\"send\",\"message\":\"\"}");

            assertThat(client.nextMessage()).contains("Internal server error");
        }
    }

    /** The next frame the client receives that carries {@code text}; frames of earlier messages are skipped. */
    private static JsonNode frameWith(WebSocketTestClient client, String text) throws Exception {
        while (true) {
            var frame = Json.mapper().readTree(client.nextMessage());
            for (var message : frame) {
                if (message.path("message").asText().equals(text)) {
                    return frame;
                }
            }
        }
    }

    private static JsonNode findInHistory(String text) throws Exception {
        for (var message : history()) {
            if (message.get("message").asText().equals(text)) {
                return message;
            }
        }
        throw new AssertionError(text + " is not in the history");
    }
}
