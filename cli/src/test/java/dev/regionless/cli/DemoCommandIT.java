package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./regionless demo` as a newcomer runs it: Quack in three regions, its pages, and the health switch. */
class DemoCommandIT {
    private static final Pattern PAGE = Pattern.compile("eu-west-2 +(http://\\S+/Prod/\\?ws=\\S+)");

    @TempDir
    Path work;

    @Test
    void theDemoServesQuackInThreeRegionsAndPrintsAPagePerRegionThatKnowsThemAll() throws Exception {
        try (var demo = CliProcess.start(work, "demo", "--data", "run")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("Press Ctrl-C"));
            var matcher = PAGE.matcher(demo.output());
            assertThat(matcher.find()).as(demo.output()).isTrue();
            var page = matcher.group(1);

            var response = get(URI.create(page));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<title>Quack");
            assertThat(page.split("ws=")[1].split("&")[0].split(",")).hasSize(3);
            var endpoints = new ObjectMapper().readTree(Files.readString(work.resolve("run/endpoints.json")));
            assertThat(endpoints
                            .get("regions")
                            .get("us-east-1")
                            .get("websocket")
                            .asText())
                    .startsWith("ws://127.0.0.4:");
        }
    }

    @Test
    void theHealthSwitchMakesARegionsHealthEndpointFailAndPassAgain() throws Exception {
        try (var demo = CliProcess.start(work, "demo", "--data", "run", "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("Press Ctrl-C"));
            var endpoints = new ObjectMapper().readTree(Files.readString(work.resolve("run/endpoints.json")));
            var health = URI.create(
                    endpoints.get("regions").get("eu-west-2").get("api").asText() + "/health");
            var otherHealth = URI.create(
                    endpoints.get("regions").get("us-west-2").get("api").asText() + "/health");

            var failed = CliProcess.run(work, "chaos", "health", "eu-west-2", "fail", "--data", "run");
            assertThat(failed.exitCode()).as(failed.output()).isZero();
            assertThat(get(health).statusCode()).isEqualTo(500);
            assertThat(get(otherHealth).statusCode()).isEqualTo(200);

            CliProcess.run(work, "chaos", "health", "eu-west-2", "pass", "--data", "run");
            assertThat(get(health).body()).isEqualTo("Ok");
        }
    }

    @Test
    void aRegionTakenDownStopsAnsweringAndComesBackAtItsAddressWithWhatWasWrittenMeanwhile() throws Exception {
        try (var demo = CliProcess.start(work, "demo", "--data", "run", "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("Press Ctrl-C"));
            var regions = new ObjectMapper()
                    .readTree(Files.readString(work.resolve("run/endpoints.json")))
                    .get("regions");
            var london = URI.create(regions.get("eu-west-2").get("api").asText() + "/history");
            var oregon = regions.get("us-west-2");

            var down = CliProcess.run(work, "chaos", "region", "eu-west-2", "down", "--data", "run");
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThatThrownBy(() -> get(london)).isInstanceOf(java.net.ConnectException.class);
            try (var client = HttpClient.newHttpClient()) {
                var socket = client.newWebSocketBuilder()
                        .buildAsync(
                                URI.create(oregon.get("websocket").asText()), new java.net.http.WebSocket.Listener() {})
                        .get(20, java.util.concurrent.TimeUnit.SECONDS);
                socket.sendText("{\"action\":\"send\",\"message\":\"while London was dark\"}", true)
                        .get(20, java.util.concurrent.TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> get(URI.create(oregon.get("api").asText() + "/history"))
                                .body()
                                .contains("while London was dark"));
                socket.abort();
            }

            var up = CliProcess.run(work, "chaos", "region", "eu-west-2", "up", "--data", "run");
            assertThat(up.exitCode()).as(up.output()).isZero();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(london).body().contains("while London was dark"));
        }
    }

    @Test
    void eachEdgeSendsItsClientsToTheNearestRegionAndLondonsMoveWhenItsRegionGoesDown() throws Exception {
        try (var demo = CliProcess.start(work, "demo", "--data", "run", "--no-delay")) {
            await().atMost(Duration.ofSeconds(120)).until(() -> demo.output().contains("Press Ctrl-C"));
            var edges = new ObjectMapper()
                    .readTree(Files.readString(work.resolve("run/endpoints.json")))
                    .get("edges");
            var london = URI.create(edges.get("london").get("api").asText() + "/history");
            var oregon = URI.create(edges.get("oregon").get("api").asText() + "/history");
            assertThat(edges.get("london").get("websocket").asText()).startsWith("ws://");
            assertThat(edges.get("london").get("dns").asText()).startsWith("dns://");
            assertThat(demo.output()).contains("&edge=london");

            var before = regionOf(get(london));
            var oregonBefore = regionOf(get(oregon));
            var down = CliProcess.run(work, "chaos", "region", "eu-west-2", "down", "--data", "run");
            assertThat(down.exitCode()).as(down.output()).isZero();
            var during = get(london);
            CliProcess.run(work, "chaos", "region", "eu-west-2", "up", "--data", "run");

            assertThat(before).isEqualTo("eu-west-2");
            assertThat(oregonBefore).isEqualTo("us-west-2");
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(regionOf(during)).isEqualTo("us-east-1");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> regionOf(get(london)).equals("eu-west-2"));

            var farther = CliProcess.run(work, "chaos", "delay", "london", "eu-west-2", "--ms", "500", "--data", "run");

            assertThat(farther.exitCode()).as(farther.output()).isZero();
            assertThat(regionOf(get(london)))
                    .as("eu-west-2 is now farther from London than us-east-1")
                    .isEqualTo("us-east-1");
        }
    }

    private static String regionOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Regionless-Region").orElse("none");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
