package dev.regionless.bench;

import dev.regionless.region.RegionNode;
import dev.regionless.region.RegionSet;
import dev.regionless.router.AppDomain;
import dev.regionless.router.Edge;
import dev.regionless.router.EdgeConfig;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.RegionTarget;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The edge router: how long a failover takes, with Regionless's defaults and with Route 53's timings, and what the
 * proxy costs. Three regions run in this JVM, each on its own loopback address; one edge stands in front, routing
 * by latency with London's region nearest. London's region fails twice under GET, POST and WebSocket clients
 * (going dark, as {@code chaos region down}; then only its health check failing, as {@code chaos health fail}).
 */
final class RouterBench {
    static final List<String> REGIONS = List.of("eu-west-2", "us-west-2", "us-east-1");
    static final Map<String, String> ADDRESSES =
            Map.of("eu-west-2", "127.0.0.2", "us-west-2", "127.0.0.3", "us-east-1", "127.0.0.4");
    static final Map<String, Duration> LONDON = Map.of(
            "eu-west-2", Duration.ofMillis(5), "us-east-1", Duration.ofMillis(76), "us-west-2", Duration.ofMillis(140));
    static final String VICTIM = "eu-west-2";
    static final int GETS = 4;
    static final int POSTS = 2;
    static final int SOCKETS = 4;
    /** How long clients keep going after the failover looks complete, to catch late failures. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** {@code --route53-interval=S} (10 or 30, default 10) and {@code --measure=S} (proxy cost, default 8). */
    record Settings(Duration route53Interval, Duration measure) {
        static Settings parse(List<String> options) {
            var settings = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(8));
            for (var option : options) {
                var parts = option.split("=", 2);
                var seconds = parts.length == 2 ? Duration.ofSeconds(Long.parseLong(parts[1])) : null;
                settings = switch (parts[0]) {
                    case "--route53-interval" -> new Settings(seconds, settings.measure);
                    case "--measure" -> new Settings(settings.route53Interval, seconds);
                    default ->
                        throw new IllegalArgumentException("bench router: " + option
                                + " (expected --route53-interval=10|30 or --measure=SECONDS)");
                };
            }
            if (settings.route53Interval.toSeconds() != 10 && settings.route53Interval.toSeconds() != 30) {
                throw new IllegalArgumentException("--route53-interval: " + settings.route53Interval.toSeconds()
                        + " (expected: 10 or 30, Route 53's two intervals)");
            }
            return settings;
        }
    }

    private RouterBench() {}

    static void run(Path home, List<String> options) throws Exception {
        var settings = Settings.parse(options);
        var data = Files.createTempDirectory("regionless-bench");
        var vertx = Vertx.vertx();
        try (var regions = RegionSet.start(data, REGIONS, config -> config.withHost(ADDRESSES.get(config.name())))) {
            regions.deploy(template(home, data), Map.of());
            warmUp(regions);
            var stage = regions.region(VICTIM).endpoints().api().getPath();
            var check = HealthCheckConfig.defaults().onHttp(stage + "/health").withSearchString("Ok");
            var base = EdgeConfig.builder("london", AppDomain.of("bench.regionless.test"))
                    .healthCheck(check)
                    .delays(LONDON)
                    // The delays steer routing only: the figures are the edge's own costs and failover times.
                    .delayTraffic(false)
                    .build();
            var route53 = settings.route53Interval.toSeconds() == 30
                    ? HealthCheckConfig.route53()
                    : HealthCheckConfig.route53Fast();
            System.out.println("== Router: failover through an edge (3 regions in this JVM; London's region fails"
                    + " under " + GETS + " GET, " + POSTS + " POST and " + SOCKETS + " WebSocket clients)");
            var defaults = failovers(
                    vertx,
                    regions,
                    stage,
                    base,
                    "default (checks every 250 ms, threshold 2," + " outlier detection, one retry)");
            var aws = failovers(
                    vertx,
                    regions,
                    stage,
                    base.withRoute53Profile(route53),
                    "route53 (checks every "
                            + route53.interval().toSeconds() + " s, threshold 3, no outlier detection, no retries;"
                            + " DNS clients would add the 60 s TTL)");
            System.out.printf(
                    Locale.ROOT,
                    "   ratio route53 / default, first request served elsewhere: region down %s, health fail %s%n",
                    ratio(aws[0].firstElsewhereMillis(), defaults[0].firstElsewhereMillis()),
                    ratio(aws[1].firstElsewhereMillis(), defaults[1].firstElsewhereMillis()));
            System.out.printf(
                    Locale.ROOT,
                    "   target with defaults: <= 1 s to the first request served elsewhere and 0 failed GETs:"
                            + " region down %s / %d, health fail %s / %d%n",
                    FailoverReport.millis(defaults[0].firstElsewhereMillis()),
                    defaults[0].getsFailed(),
                    FailoverReport.millis(defaults[1].firstElsewhereMillis()),
                    defaults[1].getsFailed());
            proxyCost(vertx, regions, stage, base, settings.measure);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    /** Both failures, one after the other, through a fresh edge with {@code config}. */
    private static FailoverReport[] failovers(
            Vertx vertx, RegionSet regions, String stage, EdgeConfig config, String profile) throws Exception {
        System.out.println("   profile " + profile);
        var victim = regions.region(VICTIM);
        try (var edge = Edge.start(vertx, config, targets(regions))) {
            awaitAllHealthy(edge);
            var down = failover(edge, regions, stage, "region down", victim::goDark, victim::comeBack);
            var health = failover(
                    edge,
                    regions,
                    stage,
                    "health fail",
                    () -> setHealth(victim, "fail"),
                    () -> setHealth(victim, "pass"));
            return new FailoverReport[] {down, health};
        }
    }

    private static FailoverReport failover(
            Edge edge, RegionSet regions, String stage, String scenario, Runnable fail, Runnable restore)
            throws Exception {
        var api = URI.create(edge.endpoints().http() + stage + "/echo");
        var webSocket = URI.create(edge.endpoints().webSocket() + "/ws");
        FailoverReport report;
        try (var clients =
                new FailoverClients(api, webSocket, socketAddresses(regions), GETS, POSTS, SOCKETS).start()) {
            try {
                awaitUntil(Duration.ofSeconds(60), () -> allOn(clients, VICTIM) && servedBy(clients, VICTIM) > 50);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "the clients did not settle on " + VICTIM + ": sockets on "
                                + java.util.Arrays.toString(clients.socketRegions) + ", " + servedBy(clients, VICTIM)
                                + " requests served there, outcomes " + summary(clients) + ", socket events "
                                + clients.socketEvents.stream().limit(10).toList(),
                        e);
            }
            long started = System.nanoTime();
            fail.run();
            // The region has failed once the chaos action returns (going dark closes its ports, which takes a moment).
            long t0 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT, "     %-12s (the chaos action took %.0f ms)%n", scenario, (t0 - started) / 1e6);
            try {
                awaitUntil(Duration.ofSeconds(200), () -> {
                    var sofar = FailoverReport.of(clients, VICTIM, t0, SOCKETS, started);
                    return !Double.isNaN(sofar.firstElsewhereMillis()) && !Double.isNaN(sofar.socketsMovedMillis());
                });
                // Keep going a little: failures may still come after the first request served elsewhere.
                long quietSince = System.nanoTime();
                awaitUntil(Duration.ofSeconds(120), () -> {
                    var last = FailoverReport.of(clients, VICTIM, t0, SOCKETS, started)
                            .lastFailureMillis();
                    long lastAt = Double.isNaN(last) ? t0 : t0 + (long) (last * 1e6);
                    return System.nanoTime() - Math.max(lastAt, quietSince) > SETTLE.toNanos();
                });
            } finally {
                restore.run();
            }
            report = FailoverReport.of(clients, VICTIM, t0, SOCKETS, started);
        }
        report.print(scenario);
        awaitAllHealthy(edge);
        return report;
    }

    /**
     * Calls every region's functions once straight (HTTP and WebSocket), so that a failover measures the edge, not
     * the first cold start of the next region's functions (the WebSocket one builds an AWS SDK client).
     */
    private static void warmUp(RegionSet regions) {
        for (var node : regions.regions()) {
            var api = URI.create(node.endpoints().api() + "/echo");
            var webSocket = URI.create(node.webSocketGateway().uri() + "/ws");
            try (var clients = new FailoverClients(api, webSocket, socketAddresses(regions), 1, 1, 1).start()) {
                awaitUntil(
                        Duration.ofSeconds(60),
                        () -> node.name().equals(clients.socketRegions[0]) && servedBy(clients, node.name()) > 10);
            }
        }
    }

    /** Requests/s and latency of GET /health straight at the region and through the edge. */
    private static void proxyCost(Vertx vertx, RegionSet regions, String stage, EdgeConfig config, Duration measure)
            throws Exception {
        // API Gateway's 10,000 requests/s default would cap both sides: this measures the proxy, not the throttle.
        GatewayBench.raiseThrottle(regions.region(VICTIM).gateway());
        try (var edge = Edge.start(vertx, config, targets(regions))) {
            awaitAllHealthy(edge);
            var direct = URI.create(regions.region(VICTIM).endpoints().api() + "/health");
            var through = URI.create(edge.endpoints().http() + stage + "/health");
            System.out.println("== Router: proxy cost (GET " + stage + "/health of " + VICTIM
                    + ", straight to the region vs through the edge; closed loop, kept-alive connections)");
            for (int concurrency : new int[] {1, 16}) {
                LoadGenerator.run(vertx, direct, concurrency, Duration.ofSeconds(3));
                var straight = LoadGenerator.run(vertx, direct, concurrency, measure);
                LoadGenerator.run(vertx, through, concurrency, Duration.ofSeconds(3));
                var proxied = LoadGenerator.run(vertx, through, concurrency, measure);
                System.out.printf(Locale.ROOT, "   concurrency %d:%n", concurrency);
                line("direct", straight);
                line("edge", proxied);
                System.out.printf(
                        Locale.ROOT,
                        "     edge-added latency: p50 %.3f ms  p99 %.3f ms; throughput ratio edge / direct: %.2f%n",
                        proxied.latencies().percentileMillis(50)
                                - straight.latencies().percentileMillis(50),
                        proxied.latencies().percentileMillis(99)
                                - straight.latencies().percentileMillis(99),
                        proxied.requestsPerSecond() / straight.requestsPerSecond());
            }
        }
    }

    private static void line(String name, LoadGenerator.Result result) {
        System.out.printf(
                Locale.ROOT,
                "     %-7s %,8.0f req/s  p50 %.3f ms  p99 %.3f ms  errors %d%n",
                name,
                result.requestsPerSecond(),
                result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99),
                result.errors());
    }

    private static List<RegionTarget> targets(RegionSet regions) {
        return regions.regions().stream()
                .map(node -> new RegionTarget(
                        node.name(),
                        node.name(),
                        node.appUri(),
                        node.webSocketGateway().uri(),
                        node.endpoints().admin()))
                .toList();
    }

    private static Map<String, String> socketAddresses(RegionSet regions) {
        var map = new HashMap<String, String>();
        regions.regions().forEach(node -> map.put(node.webSocketGateway().domainName(), node.name()));
        return map;
    }

    private static boolean allOn(FailoverClients clients, String region) {
        for (var current : clients.socketRegions) {
            if (!region.equals(current)) {
                return false;
            }
        }
        return true;
    }

    private static long servedBy(FailoverClients clients, String region) {
        return clients.outcomes.stream()
                .filter(o -> o.ok() && region.equals(o.region()))
                .count();
    }

    private static Map<String, Long> summary(FailoverClients clients) {
        var counts = new java.util.TreeMap<String, Long>();
        clients.outcomes.forEach(o -> counts.merge(o.kind() + " " + (o.ok() ? o.region() : "failed"), 1L, Long::sum));
        return counts;
    }

    private static void awaitAllHealthy(Edge edge) {
        awaitUntil(
                Duration.ofSeconds(120),
                () -> edge.status().regions().stream().allMatch(r -> r.available() && r.passedChecksInRow() >= 1));
    }

    /** Polls {@code condition} every 20 ms; fails the benchmark after {@code timeout}. */
    private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the benchmark waited " + timeout.toSeconds() + " s in vain");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void setHealth(RegionNode region, String status) {
        var request = HttpRequest.newBuilder(URI.create(region.endpoints().admin() + "/admin/health-switch"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + status + "\"}"))
                .build();
        try {
            HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ratio(double slow, double fast) {
        return Double.isNaN(slow) || Double.isNaN(fast) || fast <= 0
                ? "n/a"
                : String.format(Locale.ROOT, "x%.0f", slow / fast);
    }

    private static Path template(Path home, Path data) throws java.io.IOException {
        try (var in = RouterBench.class.getResourceAsStream("/router-bench-app.yaml")) {
            var yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "${quackJar}",
                            home.resolve("examples/quack/target/quack.jar").toString())
                    .replace(
                            "${testJar}",
                            home.resolve("test-functions/target/test-functions.jar")
                                    .toString());
            var file = data.resolve("template.yaml");
            Files.writeString(file, yaml);
            return file;
        }
    }
}
