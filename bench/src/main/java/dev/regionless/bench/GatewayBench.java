package dev.regionless.bench;

import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.HttpGateway;
import dev.regionless.gateway.Throttle;
import dev.regionless.region.RegionSet;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm invocations of the hello function through a region's HTTP API gateway, against a bare Vert.x server that
 * answers the same body, both measured in this run with the same load generator: latency at concurrency 1 (the
 * gateway's added latency) and throughput at a fixed concurrency (the ratio of requests per second).
 */
final class GatewayBench {
    static final int CONCURRENCY = 16;
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(10);

    private GatewayBench() {}

    static void run(Path template) throws Exception {
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of("us-east-1"))) {
            regions.deploy(template, Map.of());
            var region = regions.region("us-east-1");
            raiseThrottle(region.gateway());
            var gatewayUri = URI.create(region.appUri() + "/hello");
            var body = sampleBody(gatewayUri);
            var vertx = Vertx.vertx();
            var bare = vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(request -> request.response()
                            .putHeader("Content-Type", "application/json")
                            .end(Buffer.buffer(body)))
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
            var bareUri = URI.create("http://127.0.0.1:" + bare.actualPort() + "/hello");
            System.out.println("== Gateway: warm invoke of the hello function vs a bare Vert.x server (same body)");
            System.out.printf(
                    Locale.ROOT,
                    "   %d s warm-up then %d s per measurement, load generator in this JVM%n",
                    WARMUP.toSeconds(),
                    MEASURE.toSeconds());
            LoadGenerator.run(vertx, bareUri, CONCURRENCY, WARMUP);
            LoadGenerator.run(vertx, gatewayUri, CONCURRENCY, WARMUP);
            var bareSingle = LoadGenerator.run(vertx, bareUri, 1, MEASURE);
            var gatewaySingle = LoadGenerator.run(vertx, gatewayUri, 1, MEASURE);
            var bareLoad = LoadGenerator.run(vertx, bareUri, CONCURRENCY, MEASURE);
            var gatewayLoad = LoadGenerator.run(vertx, gatewayUri, CONCURRENCY, MEASURE);
            report(bareSingle, gatewaySingle, bareLoad, gatewayLoad);
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static void report(
            LoadGenerator.Result bareSingle,
            LoadGenerator.Result gatewaySingle,
            LoadGenerator.Result bareLoad,
            LoadGenerator.Result gatewayLoad) {
        System.out.println("   concurrency 1:");
        System.out.println("     bare Vert.x   " + bareSingle.latencies().summary());
        System.out.println("     gateway       " + gatewaySingle.latencies().summary());
        double addedP50 = gatewaySingle.latencies().percentileMillis(50)
                - bareSingle.latencies().percentileMillis(50);
        double addedP99 = gatewaySingle.latencies().percentileMillis(99)
                - bareSingle.latencies().percentileMillis(99);
        System.out.printf(
                Locale.ROOT,
                "     gateway-added latency: p50 %.3f ms (target <= 0.5)  p99 %.3f ms (target <= 2)%n",
                addedP50,
                addedP99);
        System.out.printf(Locale.ROOT, "   concurrency %d:%n", CONCURRENCY);
        System.out.printf(
                Locale.ROOT,
                "     bare Vert.x   %,.0f req/s  %s  errors %d%n",
                bareLoad.requestsPerSecond(),
                bareLoad.latencies().summary(),
                bareLoad.errors());
        System.out.printf(
                Locale.ROOT,
                "     gateway       %,.0f req/s  %s  errors %d%n",
                gatewayLoad.requestsPerSecond(),
                gatewayLoad.latencies().summary(),
                gatewayLoad.errors());
        System.out.printf(
                Locale.ROOT,
                "     throughput ratio gateway / bare: %.2f (target >= 0.50)%n",
                gatewayLoad.requestsPerSecond() / bareLoad.requestsPerSecond());
    }

    /**
     * Lifts API Gateway's default 10,000 requests/s limit, which this load would otherwise reach: the benchmark
     * measures the gateway's cost, not its throttle.
     */
    static void raiseThrottle(HttpGateway gateway) {
        var unlimited = new Throttle(10_000_000, 10_000_000);
        gateway.deploy(gateway.apis().stream()
                .map(api -> new HttpApiDefinition(
                        api.apiId(),
                        api.name(),
                        api.type(),
                        api.stage(),
                        api.routes(),
                        api.cors(),
                        unlimited,
                        api.binaryMediaTypes()))
                .toList());
    }

    private static String sampleBody(URI uri) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("hello answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
