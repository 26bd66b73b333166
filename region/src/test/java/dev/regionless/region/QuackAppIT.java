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
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2"));
        regions.deploy(quackTemplate(), Map.of());
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    static Path quackTemplate() {
        var home = System.getProperty("regionless.home", "..");
        return Path.of(home).resolve("examples/quack/template.yaml").toAbsolutePath();
    }

    private static RegionNode region() {
        return regions.region("eu-west-2");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        var uri = URI.create(region().endpoints().api() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocketTestClient connect() {
        return WebSocketTestClient.connect(region().endpoints().websocket());
    }

    private static JsonNode history() throws Exception {
        var response = get("/history");
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

            var received = Json.mapper().readTree(bob.nextMessage());
            assertThat(received.isArray()).isTrue();
            assertThat(received.get(0).get("message").asText()).isEqualTo("hi bob");
            assertThat(received.get(0).get("region").asText()).isEqualTo("eu-west-2");
            assertThat(Json.mapper()
                            .readTree(alice.nextMessage())
                            .get(0)
                            .get("message")
                            .asText())
                    .isEqualTo("hi bob");
        }
    }

    @Test
    void anEmptyMessageIsAnErrorFrameAndStoresNothing() throws Exception {
        try (var client = connect()) {
            client.send("{\"action\":\"send\",\"message\":\"\"}");

            assertThat(client.nextMessage()).contains("Internal server error");
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
