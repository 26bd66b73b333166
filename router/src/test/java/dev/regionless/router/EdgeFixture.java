package dev.regionless.router;

import dev.regionless.region.RegionNode;
import dev.regionless.region.RegionSet;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real regions for the router's tests, each on its own loopback address (127.0.0.2, .3, .4, so a DNS answer names
 * a region), running the test app; and edges in front of them, seen only by address, as the CLI starts them.
 */
final class EdgeFixture implements AutoCloseable {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");
    static final Map<String, String> ADDRESSES =
            Map.of("eu-west-2", "127.0.0.2", "us-west-2", "127.0.0.3", "us-east-1", "127.0.0.4");
    static final AppDomain DOMAIN = AppDomain.of("probe.regionless.test");

    /** Round trips from the two edges, as in the demo: each edge is near one region. */
    static final Map<String, Map<String, Duration>> DELAYS = Map.of(
            "london",
                    Map.of(
                            "eu-west-2", Duration.ofMillis(4),
                            "us-east-1", Duration.ofMillis(76),
                            "us-west-2", Duration.ofMillis(140)),
            "oregon",
                    Map.of(
                            "us-west-2", Duration.ofMillis(4),
                            "us-east-1", Duration.ofMillis(64),
                            "eu-west-2", Duration.ofMillis(140)));

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    final RegionSet regions;
    final Vertx vertx = Vertx.vertx();
    final List<Edge> edges = new ArrayList<>();

    EdgeFixture(Path folder, java.time.Clock clock) {
        regions = RegionSet.start(
                folder.resolve("data"),
                REGIONS,
                config -> config.withHost(ADDRESSES.get(config.name())).withClock(clock));
        regions.deploy(template(folder), Map.of());
    }

    /** The edge's settings: the app's health route checked with a string match, as Route 53 checked Quack's. */
    EdgeConfig.Builder config(String edge) {
        var stage = api(regions.region("eu-west-2")).getPath();
        return EdgeConfig.builder(edge, DOMAIN)
                .healthCheck(
                        HealthCheckConfig.defaults().onHttp(stage + "/health").withSearchString("Ok"))
                .delays(DELAYS.getOrDefault(edge, Map.of()));
    }

    Edge start(EdgeConfig.Builder config) {
        return start(config.build());
    }

    Edge start(EdgeConfig config) {
        var edge = Edge.start(vertx, config, targets());
        edges.add(edge);
        return edge;
    }

    List<RegionTarget> targets() {
        return regions.regions().stream().map(EdgeFixture::target).toList();
    }

    static RegionTarget target(RegionNode node) {
        var app = node.appUri();
        var webSocket = node.webSocketGateway().uri();
        return new RegionTarget(
                node.name(), node.name(), app, webSocket, node.endpoints().admin());
    }

    static URI api(RegionNode node) {
        return node.endpoints().api();
    }

    /** The REST stage path, for example {@code /Prod}. */
    String stage() {
        return api(regions.region("eu-west-2")).getPath();
    }

    /** {@code ./regionless chaos health REGION fail|pass}, as the CLI does it: on the region's admin port. */
    void setHealth(String region, String status) {
        var request = java.net.http.HttpRequest.newBuilder(
                        URI.create(region(region).endpoints().admin() + "/admin/health-switch"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\"}"))
                .build();
        try {
            var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("health switch of " + region + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The region whose address is {@code host}. */
    static String regionAt(String host) {
        return ADDRESSES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(host))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no region at " + host));
    }

    static EdgeStatus.RegionStatus status(Edge edge, String region) {
        return edge.status().regions().stream()
                .filter(r -> r.region().equals(region))
                .findFirst()
                .orElseThrow();
    }

    RegionNode region(String name) {
        return regions.region(name);
    }

    @Override
    public void close() {
        edges.forEach(Edge::close);
        Edge.await(vertx.close());
        regions.close();
    }

    private static Path template(Path folder) {
        var home = Path.of(System.getProperty("regionless.home", "..")).toAbsolutePath();
        var testJar =
                System.getProperty("regionless.testFunctions", home + "/test-functions/target/test-functions.jar");
        var quackJar = home.resolve("examples/quack/target/quack.jar");
        try (var in = EdgeFixture.class.getResourceAsStream("/edge-app.yaml")) {
            var yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("${quackJar}", quackJar.toString())
                    .replace("${testJar}", Path.of(testJar).toAbsolutePath().toString());
            var file = folder.resolve("template.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
