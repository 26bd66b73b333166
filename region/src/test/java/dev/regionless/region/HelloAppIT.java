package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hello example, deployed from its own template to three regions and called over HTTP as a user would. */
class HelloAppIT {
    @TempDir
    static Path folder;

    static RegionSet regions;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2", "us-west-2", "us-east-1"));
        regions.deploy(TestApps.helloTemplate(), Map.of("Greeting", "Howdy"));
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    @Test
    void everyRegionAnswersWithItsOwnNameInBodyAndHeader() throws Exception {
        for (var region : regions.regions()) {
            var response = get(region, "/hello?name=quack");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue(region.name());
            var body = Json.mapper().readTree(response.body());
            assertThat(body.get("region").asText()).isEqualTo(region.name());
            assertThat(body.get("message").asText()).isEqualTo("Howdy, quack!");
        }
    }

    @Test
    void warmEnvironmentKeepsCountingAcrossRequests() throws Exception {
        var region = regions.region("us-east-1");

        long first = count(get(region, "/hello"));
        long second = count(get(region, "/hello"));

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void unknownRouteOfAnHttpApiIsNotFound() throws Exception {
        var response = get(regions.region("eu-west-2"), "/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue("eu-west-2");
    }

    @Test
    void endpointsFileListsEveryRegionsUrls() {
        JsonNode file = EndpointsFile.read(regions.dataRoot());

        for (var region : regions.regions()) {
            var entry = file.get("regions").get(region.name());
            assertThat(entry.get("service").asText())
                    .isEqualTo(region.endpoints().service().toString());
            assertThat(entry.get("api").asText()).isEqualTo(region.appUri().toString());
            assertThat(entry.get("websocket").isNull()).isTrue();
            assertThat(entry.get("admin").asText()).startsWith("http://127.0.0.1:");
        }
        assertThat(file.get("edges").isObject()).isTrue();
    }

    private static HttpResponse<String> get(RegionNode region, String path) throws Exception {
        var request = HttpRequest.newBuilder(TestApps.app(region, path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long count(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body()).get("count").asLong();
    }
}
