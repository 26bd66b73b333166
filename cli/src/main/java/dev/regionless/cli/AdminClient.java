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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonNode regions;
    private final JsonNode edges;
    private final Path data;

    AdminClient(Path data) {
        this.data = data.toAbsolutePath();
        var endpoints = EndpointsFile.read(this.data);
        this.regions = endpoints.get("regions");
        this.edges = endpoints.get("edges");
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

    /** The edges of the run, from the {@code edges} section (empty when it has none). */
    List<String> edgeNames() {
        var names = new ArrayList<String>();
        edges.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An edge's entry ({@code http}, {@code websocket}, {@code dns}, maybe {@code admin}). */
    JsonNode edge(String name) {
        return edges.path(name);
    }

    /** Fails, listing the run's regions, unless {@code name} is one of them. */
    void requireRegion(String name) {
        if (!regions.has(name)) {
            throw new CliException(
                    name + " is not a region of this run (regions: " + String.join(", ", regionNames()) + ")");
        }
    }

    JsonNode endpoints(String region) {
        var node = regions.get(region);
        if (node == null) {
            throw new CliException("--region: " + region + " is not running (running: " + regionNames() + ")");
        }
        return node;
    }

    JsonNode get(String region, String pathAndQuery) {
        return send(region, pathAndQuery, null);
    }

    /** POSTs a JSON body; deploys may take as long as loading the functions' code. */
    JsonNode post(String region, String path, Object body) {
        try {
            return send(region, path, Json.mapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a request body that cannot be JSON: " + body, e);
        }
    }

    /** PUTs a JSON body: changes a setting of the region. */
    JsonNode put(String region, String path, Object body) {
        try {
            return send(region, path, "PUT", Json.mapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a request body that cannot be JSON: " + body, e);
        }
    }

    /**
     * GETs a JSON document from any URL of the run (an edge's admin API), waiting at most {@code timeout} so that a
     * refreshing view does not stall on one that hangs.
     */
    JsonNode getAt(URI uri, Duration timeout) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CliException(uri + " answered " + response.statusCode());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new CliException(uri + " does not answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** PUTs a JSON body to any URL of the run (an edge's admin API); a refusal's message becomes the error. */
    JsonNode putAt(URI uri, Object body) {
        try {
            var request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .PUT(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var answer = Json.mapper().readTree(response.body());
            if (response.statusCode() != 200) {
                throw new CliException(answer.path("message").asText(uri + " answered " + response.statusCode()));
            }
            return answer;
        } catch (IOException e) {
            throw new CliException(uri + " does not answer (" + e.getMessage() + "); is the run still going?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private JsonNode send(String region, String pathAndQuery, String jsonBody) {
        return send(region, pathAndQuery, jsonBody == null ? "GET" : "POST", jsonBody);
    }

    private JsonNode send(String region, String pathAndQuery, String method, String jsonBody) {
        var uri = URI.create(endpoints(region).get("admin").asText() + pathAndQuery);
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(jsonBody == null ? 5 : 120));
        request = jsonBody == null
                ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
