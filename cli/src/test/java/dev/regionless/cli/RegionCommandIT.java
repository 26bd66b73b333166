package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One region per process: two `regionless region` processes sharing a data folder, as on two hosts. */
class RegionCommandIT {
    @TempDir
    Path work;

    @Test
    void twoRegionProcessesShareOneEndpointsFileAndEachServesItsOwnRegion() throws Exception {
        var template = Path.of(System.getProperty("regionless.home", "..")).resolve("examples/hello/template.yaml");

        try (var london = CliProcess.start(
                        work, "region", "--name", "eu-west-2", "--template", template.toString(), "--data", "shared");
                var oregon = CliProcess.start(
                        work, "region", "--name", "us-west-2", "--template", template.toString(), "--data", "shared")) {
            var file = work.resolve("shared/endpoints.json");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> london.output().contains("Press Ctrl-C")
                            && oregon.output().contains("Press Ctrl-C"));
            var regions = new ObjectMapper().readTree(Files.readString(file)).get("regions");

            for (var name : new String[] {"eu-west-2", "us-west-2"}) {
                var api = regions.get(name).get("api").asText();
                var response = get(URI.create(api + "/hello"));
                assertThat(response.headers().firstValue("X-Regionless-Region")).hasValue(name);
                assertThat(response.body()).contains("\"region\":\"" + name + "\"");
            }
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
