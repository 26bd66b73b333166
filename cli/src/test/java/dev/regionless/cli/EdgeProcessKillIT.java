package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.region.EndpointsFile;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions as separate processes ({@code regionless region}), an edge in front of them that knows them only from
 * {@code endpoints.json}, and GET clients through the edge while the nearest region's process is killed with
 * SIGKILL and started again: no GET fails, traffic moves to the other region, and comes back.
 */
class EdgeProcessKillIT {
    private static final String VICTIM = "eu-west-2";
    private static final String OTHER = "us-east-1";

    @TempDir
    Path work;

    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void aRegionProcessKilledUnderLoadLosesNoGetThroughTheEdgeAndGetsItsTrafficBack() throws Exception {
        var processes = new LinkedHashMap<String, CliProcess>();
        var vertx = Vertx.vertx();
        var stop = new AtomicBoolean();
        var clients = new ArrayList<Thread>();
        try {
            processes.put(VICTIM, startRegion(VICTIM));
            processes.put(OTHER, startRegion(OTHER));
            var regions = EndpointsFile.read(work.resolve("data")).get("regions");
            var stage = URI.create(regions.get(VICTIM).get("api").asText()).getPath();
            var config = EdgeConfig.builder("london", AppDomain.of("quack.regionless.test"))
                    .healthCheck(HealthCheckConfig.defaults().onHttp(stage + "/health"))
                    .delays(Map.of(VICTIM, Duration.ofMillis(5), OTHER, Duration.ofMillis(76)))
                    .build();
            try (var edge = Edge.start(vertx, config, List.of(target(VICTIM, regions), target(OTHER, regions)))) {
                var health = URI.create(edge.endpoints().http() + stage + "/health");
                for (int i = 0; i < 2; i++) {
                    clients.add(Thread.ofVirtual().start(() -> getUntil(stop, health)));
                }
                awaitServed(VICTIM, 20);

                processes.get(VICTIM).kill();
                awaitServed(OTHER, 50);
                processes.put(VICTIM, startRegion(VICTIM));
                awaitServed(VICTIM, 20);
                stop.set(true);
                for (var client : clients) {
                    client.join(Duration.ofSeconds(20));
                }

                assertThat(failed.get()).as(failures.toString()).isZero();
            }
        } finally {
            stop.set(true);
            processes.values().forEach(CliProcess::close);
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The region as the edge knows it: the roots of the URLs its process wrote to endpoints.json. */
    private static RegionTarget target(String region, JsonNode regions) {
        var entry = regions.get(region);
        return new RegionTarget(
                region,
                region,
                root(entry.get("api").asText(), "http"),
                root(entry.get("websocket").asText(), "ws"),
                URI.create(entry.get("admin").asText()));
    }

    private static URI root(String url, String scheme) {
        var uri = URI.create(url);
        return URI.create(scheme + "://" + uri.getHost() + ":" + uri.getPort());
    }

    private CliProcess startRegion(String region) throws Exception {
        var template = Path.of(System.getProperty("regionless.home", ".."))
                .toAbsolutePath()
                .resolve("examples/quack/template.yaml");
        var process =
                CliProcess.start(work, "region", "--name", region, "--data", "data", "--template", template.toString());
        await().atMost(Duration.ofSeconds(90)).until(() -> process.output().contains("Press Ctrl-C"));
        return process;
    }

    private void awaitServed(String region, int requests) {
        served.clear();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> served.getOrDefault(region, new AtomicLong()).get() >= requests);
    }

    private void getUntil(AtomicBoolean stop, URI uri) {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (!stop.get()) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    response.headers()
                            .firstValue("X-Regionless-Region")
                            .ifPresent(region -> served.computeIfAbsent(region, r -> new AtomicLong())
                                    .incrementAndGet());
                } else {
                    failed.incrementAndGet();
                    failures.add("status " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                failed.incrementAndGet();
                failures.add(e.toString());
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a bounded load
        }
    }
}
