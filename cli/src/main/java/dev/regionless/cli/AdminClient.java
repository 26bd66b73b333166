package dev.regionless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.region.EndpointsFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Finds a running run's regions through {@code <data>/endpoints.json} and reads their admin APIs. */
final class AdminClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonNode regions;
    private final Path data;

    AdminClient(Path data) {
        this.data = data.toAbsolutePath();
        this.regions = EndpointsFile.read(this.data).get("regions");
        if (regions.isEmpty()) {
            throw new CliException("no running regions found in " + this.data.resolve(EndpointsFile.NAME)
                    + " (start them with ./regionless demo or up, with the same --data)");
        }
    }

    List<String> regionNames() {
        var names = new ArrayList<String>();
        regions.fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode endpoints(String region) {
        var node = regions.get(region);
        if (node == null) {
            throw new CliException("--region: " + region + " is not running (running: " + regionNames() + ")");
        }
        return node;
    }

    JsonNode get(String region, String pathAndQuery) {
        var uri = URI.create(endpoints(region).get("admin").asText() + pathAndQuery);
        try {
            var response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var body = Json.mapper().readTree(response.body());
            if (response.statusCode() != 200) {
                var message = body.path("message").asText(response.body());
                throw new CliException(region + ": " + message);
            }
            return body;
        } catch (IOException e) {
            throw new CliException(region + " does not answer at " + uri + " (" + e.getMessage() + "); is it running"
                    + " with --data " + data + "?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
