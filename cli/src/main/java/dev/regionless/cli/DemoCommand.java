package dev.regionless.cli;

import dev.regionless.region.RegionConfig;
import dev.regionless.region.RegionSet;
import dev.regionless.replication.LinkDelays;
import dev.regionless.router.AppDomain;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "demo",
        description = "Start the demo: Quack, the global chat, in three regions (eu-west-2, us-west-2, us-east-1).")
final class DemoCommand implements Callable<Integer> {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");

    /**
     * One-way delays between the demo's regions, about half the round trips measured between those AWS regions, so
     * that replication lag and conflicts look like the real thing. {@code --no-delay} turns them off.
     */
    static final LinkDelays REALISTIC_DELAYS = LinkDelays.none()
            .withBoth("eu-west-2", "us-west-2", Duration.ofMillis(70))
            .withBoth("eu-west-2", "us-east-1", Duration.ofMillis(38))
            .withBoth("us-west-2", "us-east-1", Duration.ofMillis(32));

    /** Where the demo's regions are. */
    static final Map<String, String> REGION_LOCATIONS =
            Map.of("eu-west-2", "London", "us-west-2", "Oregon", "us-east-1", "N. Virginia");

    /**
     * The demo's edges, one near London and one near Oregon, with round trips from each to each region close to
     * those measured between these places: they steer latency routing (each edge prefers the region nearest to it)
     * and the proxied traffic waits them out. With {@code --no-delay} they only steer routing.
     */
    static final List<RunningEdges.EdgeSite> EDGES = List.of(
            new RunningEdges.EdgeSite(
                    "london",
                    "London",
                    Map.of(
                            "eu-west-2", Duration.ofMillis(5),
                            "us-east-1", Duration.ofMillis(76),
                            "us-west-2", Duration.ofMillis(140))),
            new RunningEdges.EdgeSite(
                    "oregon",
                    "Oregon",
                    Map.of(
                            "us-west-2", Duration.ofMillis(5),
                            "us-east-1", Duration.ofMillis(64),
                            "eu-west-2", Duration.ofMillis(140))));

    /** Quack's names, answered by each edge's DNS server. */
    static final AppDomain DOMAIN = AppDomain.of("quack.regionless.test");

    @Mixin
    RunOptions options;

    @Mixin
    EdgeOptions edgeOptions;

    private EdgeRouting routing;

    @Override
    public Integer call() throws Exception {
        var template = home().resolve("examples/quack/template.yaml");
        if (!Files.isRegularFile(template) || !Files.isRegularFile(template.resolveSibling("target/quack.jar"))) {
            throw new CliException("the demo app is not built: expected " + template
                    + " and its target/quack.jar (run ./regionless from the project folder)");
        }
        System.out.println("Regionless demo: Quack, the global chat, in " + String.join(", ", REGIONS));
        System.out.println();
        UnaryOperator<RegionConfig> delays =
                options.noDelay ? UnaryOperator.identity() : config -> config.withLinkDelays(REALISTIC_DELAYS);
        return RunningRegions.run(
                REGIONS,
                template,
                options,
                delays,
                System.out,
                set -> routing = edgeOptions.plan(set, template, options.parameters(), DOMAIN.zone(), System.out),
                (set, out) -> startEdges(set, routing, !options.noDelay, out));
    }

    /**
     * Starts the demo's two edges (stopped by the run's shutdown), routing as Quack's template declares: a latency
     * record per region, each with a health check of the region's {@code GET /Prod/health} looking for {@code Ok},
     * as Route 53 checked the original app.
     */
    static void startEdges(RegionSet set, EdgeRouting routing, boolean delayTraffic, PrintStream out) {
        var edges = RunningEdges.start(set, EDGES, REGION_LOCATIONS, routing, "127.0.0.1", delayTraffic);
        Runtime.getRuntime().addShutdownHook(new Thread(edges::close, "regionless-edges-shutdown"));
        edges.print(out);
        printChatUrls(set, edges, out);
    }

    /**
     * The page of each region, told about every region so that it can fail over by itself when its own goes down:
     * {@code ?ws=} lists the WebSocket URLs, own region first, and {@code &api=} the matching REST addresses.
     */
    static void printChatUrls(RegionSet set, RunningEdges edges, PrintStream out) {
        out.println();
        out.println("Open the chat through an edge (one page per edge; open both, in different browsers, and talk"
                + " across regions):");
        for (var edge : edges.edges()) {
            var api = edges.api(edge);
            var page = api + "/?ws=" + edges.webSocket(edge) + "&api=" + api + "&edge=" + edge.name();
            out.printf("  %-10s %s%n", edge.name(), page);
        }
        out.println();
        out.println("Or straight at a region (the page fails over by itself, through its list of regions):");
        for (var region : set.regions()) {
            var order = new ArrayList<>(set.regions());
            order.remove(region);
            order.addFirst(region);
            var sockets = new ArrayList<String>();
            var apis = new ArrayList<String>();
            for (var node : order) {
                var endpoints = node.endpoints();
                if (endpoints.websocket() != null && endpoints.api() != null) {
                    sockets.add(endpoints.websocket().toString());
                    apis.add(endpoints.api().toString());
                }
            }
            var page =
                    region.endpoints().api() + "/?ws=" + String.join(",", sockets) + "&api=" + String.join(",", apis);
            out.printf("  %-10s %s%n", region.name(), page);
        }
        out.println();
        out.println("From another terminal, take a region down and watch the London page move to another region:");
        out.println("  ./regionless chaos region " + set.regions().getFirst().name() + " down   (then: up)");
        out.println("  ./regionless chaos health " + set.regions().getFirst().name() + " fail   (then: pass)");
    }

    static Path home() {
        return Path.of(System.getProperty("regionless.home", "."))
                .toAbsolutePath()
                .normalize();
    }
}
