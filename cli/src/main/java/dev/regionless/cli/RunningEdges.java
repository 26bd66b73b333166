package dev.regionless.cli;

import dev.regionless.region.EndpointsFile;
import dev.regionless.region.RegionNode;
import dev.regionless.region.RegionSet;
import dev.regionless.router.Edge;
import dev.regionless.router.EdgeConfig;
import dev.regionless.router.RegionTarget;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge routers in front of a run's regions, each with a location and its round trips to the regions, published in
 * {@code endpoints.json} ({@code edges.<name>}) and stopped with the run. The edges know the regions only by the
 * addresses the run gives them.
 */
final class RunningEdges implements AutoCloseable {
    /** One edge: its name, where it is, and the simulated round trip from there to each region. */
    record EdgeSite(String name, String location, Map<String, Duration> roundTrips) {}

    private final RegionSet regions;
    private final Vertx vertx;
    private final List<Edge> edges;
    private final EdgeRouting routing;

    private RunningEdges(RegionSet regions, Vertx vertx, List<Edge> edges, EdgeRouting routing) {
        this.regions = regions;
        this.vertx = vertx;
        this.edges = edges;
        this.routing = routing;
    }

    /**
     * Starts one edge per site on {@code host}, each in front of the regions {@code routing} names and routing as it
     * says; with {@code delayTraffic} the sites' round trips slow the proxied traffic too, else they only steer
     * latency routing.
     */
    static RunningEdges start(
            RegionSet regions,
            List<EdgeSite> sites,
            Map<String, String> regionLocations,
            EdgeRouting routing,
            String host,
            boolean delayTraffic) {
        var targets = regions.regions().stream()
                .filter(node -> routing.regions().contains(node.name()))
                .map(node -> target(node, regionLocations.getOrDefault(node.name(), node.name())))
                .toList();
        var vertx = Vertx.vertx();
        var edges = new ArrayList<Edge>();
        try {
            for (var site : sites) {
                var delays = new LinkedHashMap<>(site.roundTrips());
                delays.keySet().retainAll(routing.regions());
                var builder = EdgeConfig.builder(site.name(), routing.domain())
                        .location(site.location())
                        .host(host)
                        .delays(delays)
                        .delayTraffic(delayTraffic);
                var config = routing.applyTo(builder).build();
                edges.add(Edge.start(vertx, config, targets));
            }
        } catch (RuntimeException e) {
            edges.forEach(Edge::close);
            vertx.close();
            throw e;
        }
        var running = new RunningEdges(regions, vertx, edges, routing);
        running.publish();
        return running;
    }

    /** How a region looks from an edge: its app, WebSocket and admin ports. */
    static RegionTarget target(RegionNode node, String location) {
        return new RegionTarget(
                node.name(),
                location,
                node.appUri(),
                node.webSocketGateway().uri(),
                node.endpoints().admin());
    }

    List<Edge> edges() {
        return edges;
    }

    /** The app's main HTTP API through an edge, stage included, or null when the app has none. */
    URI api(Edge edge) {
        var api = regions.regions().getFirst().endpoints().api();
        return api == null ? null : URI.create(edge.endpoints().http() + api.getPath());
    }

    /** The app's WebSocket API through an edge, stage included, or null when the app has none. */
    URI webSocket(Edge edge) {
        var webSocket = regions.regions().getFirst().endpoints().websocket();
        return webSocket == null ? null : URI.create(edge.endpoints().webSocket() + webSocket.getPath());
    }

    static URI dns(Edge edge) {
        var dns = edge.endpoints().dns();
        return URI.create("dns://" + dns.getAddress().getHostAddress() + ":" + dns.getPort());
    }

    void print(PrintStream out) {
        out.println();
        out.println("Edges (each routes its clients and answers DNS for "
                + edges.getFirst().config().domain().zone() + "):");
        out.println("  routing: " + routing.describe());
        for (var edge : edges) {
            var endpoints = edge.endpoints();
            out.printf("%s (%s)%n", edge.name(), edge.config().location());
            out.printf("  http      %s%n", endpoints.http());
            var webSocket = webSocket(edge);
            if (webSocket != null) {
                out.printf("  websocket %s%n", webSocket);
            }
            out.printf(
                    "  dns       %s   (dig @%s -p %d %s)%n",
                    dns(edge),
                    endpoints.dns().getAddress().getHostAddress(),
                    endpoints.dns().getPort(),
                    edge.config().domain().apiName());
            out.printf("  admin     %s/admin/edge%n", endpoints.admin());
        }
    }

    private void publish() {
        var entries = new LinkedHashMap<String, EndpointsFile.EdgeEntry>();
        for (var edge : edges) {
            entries.put(
                    edge.name(),
                    new EndpointsFile.EdgeEntry(
                            edge.endpoints().http(),
                            api(edge),
                            webSocket(edge),
                            dns(edge),
                            edge.endpoints().admin()));
        }
        EndpointsFile.publishEdges(regions.dataRoot(), entries);
    }

    @Override
    public void close() {
        try {
            EndpointsFile.withdrawEdges(
                    regions.dataRoot(), edges.stream().map(Edge::name).toList());
        } finally {
            edges.forEach(Edge::close);
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
