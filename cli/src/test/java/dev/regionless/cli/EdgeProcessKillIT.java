package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
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
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions as separate processes ({@code regionless region}), an edge in front of them that knows them only from
 * {@code endpoints.json}, and a bounded load through it (GET clients, POST clients, and WebSocket clients that
 * reconnect as Quack's page does) while the nearest region's process is killed with SIGKILL and started again. No
 * GET fails: the edge retries it on the other region. A POST inside the process as it dies cannot be retried (the
 * edge cannot know whether it was applied), so a few may fail: they are counted and bounded by the clients in flight.
 * WebSocket clients are closed with 1012 and reconnect to the other region; traffic comes back after the restart.
 */
class EdgeProcessKillIT {
    private static final String VICTIM = "eu-west-2";
    private static final String OTHER = "us-east-1";
    private static final int GETTERS = 2;
    private static final int POSTERS = 2;
    private static final int SOCKETS = 3;

    @TempDir
    Path work;

    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final AtomicLong getsFailed = new AtomicLong();
    private final AtomicLong postsOk = new AtomicLong();
    private final AtomicLong postsFailed = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<Integer, String> regionByPort = new ConcurrentHashMap<>();

    @Test
    void aRegionProcessKilledUnderLoadLosesNoGetBoundsPostFailuresMovesTheSocketsAndGetsItsTrafficBack()
            throws Exception {
        var processes = new LinkedHashMap<String, CliProcess>();
        var vertx = Vertx.vertx();
        var threads = new ArrayList<Thread>();
        var sockets = new ArrayList<Socket>();
        try {
            var template = template();
            processes.put(VICTIM, startRegion(VICTIM, template));
            processes.put(OTHER, startRegion(OTHER, template));
            var regions = EndpointsFile.read(work.resolve("data")).get("regions");
            var stage = URI.create(regions.get(VICTIM).get("api").asText()).getPath();
            var config = EdgeConfig.builder("london", AppDomain.of("probe.regionless.test"))
                    // The app's own health route, as Route 53 checks it: a restarted process passes only once its
                    // template is deployed again (its admin port answers earlier, while the app is still 404).
                    .healthCheck(HealthCheckConfig.defaults().onHttp(stage + "/health"))
                    .delays(Map.of(VICTIM, Duration.ofMillis(5), OTHER, Duration.ofMillis(76)))
                    .build();
            warmUpWebSockets(regions);
            try (var edge = Edge.start(vertx, config, List.of(target(VICTIM, regions), target(OTHER, regions)))) {
                var echo = URI.create(edge.endpoints().http() + stage + "/echo");
                for (int i = 0; i < GETTERS; i++) {
                    threads.add(Thread.ofVirtual().start(() -> sendUntilStopped(echo, false)));
                }
                for (int i = 0; i < POSTERS; i++) {
                    threads.add(Thread.ofVirtual().start(() -> sendUntilStopped(echo, true)));
                }
                for (int i = 0; i < SOCKETS; i++) {
                    var socket = new Socket(URI.create(edge.endpoints().webSocket() + "/ws"));
                    sockets.add(socket);
                    threads.add(Thread.ofVirtual().start(socket::run));
                }
                awaitServed(VICTIM, 20);
                // First connections include cold starts of the WebSocket functions in a freshly started process.
                await().atMost(Duration.ofSeconds(120))
                        .untilAsserted(() ->
                                assertThat(sockets).as("sockets: %s", sockets).allMatch(s -> VICTIM.equals(s.region)));

                processes.get(VICTIM).kill();
                awaitServed(OTHER, 30);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> sockets.stream().allMatch(s -> OTHER.equals(s.region)));
                processes.put(VICTIM, startRegion(VICTIM, template));
                awaitServed(VICTIM, 20);
                stop.set(true);
                sockets.forEach(Socket::close);
                for (var thread : threads) {
                    thread.join(Duration.ofSeconds(30));
                }

                assertThat(getsFailed.get()).as(failures.toString()).isZero();
                assertThat(postsOk.get()).isPositive();
                // Each client has at most one POST in flight as the process dies; one more may race a pooled
                // connection the kill is closing. Everything after is served by the other region.
                assertThat(postsFailed.get()).as(failures.toString()).isLessThanOrEqualTo(2L * POSTERS);
                assertThat(sockets).allSatisfy(socket -> {
                    assertThat(socket.closeCodes).contains(1012);
                    assertThat(socket.regions).startsWith(VICTIM).contains(OTHER);
                });
            }
        } finally {
            stop.set(true);
            sockets.forEach(Socket::close);
            processes.values().forEach(CliProcess::close);
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The router's test app: Quack's health route, an echo of any request, and a WebSocket probe. */
    private Path template() throws Exception {
        var home = Path.of(System.getProperty("regionless.home", "..")).toAbsolutePath();
        var testJar =
                System.getProperty("regionless.testFunctions", home + "/test-functions/target/test-functions.jar");
        var yaml = Files.readString(home.resolve("router/src/test/resources/edge-app.yaml"))
                .replace(
                        "${quackJar}",
                        home.resolve("examples/quack/target/quack.jar").toString())
                .replace("${testJar}", Path.of(testJar).toAbsolutePath().toString());
        var folder = Files.createDirectories(work.resolve("app"));
        return Files.writeString(folder.resolve("template.yaml"), yaml);
    }

    private RegionTarget target(String region, JsonNode regions) {
        var entry = regions.get(region);
        var webSocket = URI.create(entry.get("websocket").asText());
        regionByPort.put(webSocket.getPort(), region);
        var api = URI.create(entry.get("api").asText());
        return new RegionTarget(
                region,
                region,
                URI.create("http://" + api.getHost() + ":" + api.getPort()),
                URI.create("ws://" + webSocket.getHost() + ":" + webSocket.getPort()),
                URI.create(entry.get("admin").asText()));
    }

    /**
     * Opens one WebSocket straight to each region and waits for its answer, so the first clients through the edge do
     * not meet a cold {@code $connect} on a busy machine: the test is about the kill, not about cold starts.
     */
    private static void warmUpWebSockets(JsonNode regions) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            for (var region : List.of(VICTIM, OTHER)) {
                var answer = new CompletableFuture<String>();
                var socket = http.newWebSocketBuilder()
                        .buildAsync(
                                URI.create(regions.get(region).get("websocket").asText()),
                                Socket.listener(answer, new CompletableFuture<>()))
                        .get(60, TimeUnit.SECONDS);
                socket.sendText("{\"action\":\"describe\"}", true);
                answer.get(60, TimeUnit.SECONDS);
                socket.abort();
            }
        }
    }

    private CliProcess startRegion(String region, Path template) throws Exception {
        var process =
                CliProcess.start(work, "region", "--name", region, "--data", "data", "--template", template.toString());
        await().atMost(Duration.ofSeconds(90)).until(() -> process.output().contains("Press Ctrl-C"));
        // A restarted region takes the ports it had (kept in its data folder): the edge finds it where it was.
        return process;
    }

    private void awaitServed(String region, int requests) {
        served.clear();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> served.getOrDefault(region, new AtomicLong()).get() >= requests);
    }

    /** GETs or POSTs to {@code uri} until the test stops, counting what was served where and what failed. */
    private void sendUntilStopped(URI uri, boolean post) {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var method = post ? "POST" : "GET";
        var failed = post ? postsFailed : getsFailed;
        while (!stop.get()) {
            try {
                var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
                if (post) {
                    request.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hello\"}"));
                }
                var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    if (post) {
                        postsOk.incrementAndGet();
                    }
                    response.headers()
                            .firstValue("X-Regionless-Region")
                            .ifPresent(region -> served.computeIfAbsent(region, r -> new AtomicLong())
                                    .incrementAndGet());
                } else {
                    failed.incrementAndGet();
                    failures.add(method + " status " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                failed.incrementAndGet();
                failures.add(method + " " + e);
            } catch (InterruptedException e) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a bounded load
        }
    }

    /**
     * A WebSocket client as Quack's page behaves: it connects through the edge, asks where it landed (the probe's
     * {@code describe} answers with the region's domain, whose port names the region), and reconnects whenever its
     * connection closes. It remembers every close code and region.
     */
    private final class Socket {
        private final URI uri;
        private final HttpClient http = HttpClient.newHttpClient();
        final List<Integer> closeCodes = Collections.synchronizedList(new ArrayList<>());
        final List<String> regions = Collections.synchronizedList(new ArrayList<>());
        volatile String region;
        volatile String lastError;
        private volatile WebSocket open;

        Socket(URI uri) {
            this.uri = uri;
        }

        void run() {
            while (!stop.get()) {
                var first = new CompletableFuture<String>();
                var closed = new CompletableFuture<Integer>();
                try {
                    open = http.newWebSocketBuilder()
                            .buildAsync(uri, listener(first, closed))
                            .get(20, TimeUnit.SECONDS);
                    open.sendText("{\"action\":\"describe\"}", true).get(10, TimeUnit.SECONDS);
                    var domain = Json.mapper()
                            .readTree(first.get(20, TimeUnit.SECONDS))
                            .get("domainName")
                            .asText();
                    region = regionByPort.get(Integer.parseInt(domain.substring(domain.lastIndexOf(':') + 1)));
                    regions.add(region);
                    closeCodes.add(closed.get());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    lastError = e.toString();
                    if (open != null) {
                        open.abort();
                    }
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // as the page backs off
                } finally {
                    region = null;
                }
            }
        }

        @Override
        public String toString() {
            return "socket on " + region + ", was on " + regions + ", closes " + closeCodes + ", last error "
                    + lastError;
        }

        void close() {
            var socket = open;
            if (socket != null && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }

        private static WebSocket.Listener listener(CompletableFuture<String> first, CompletableFuture<Integer> closed) {
            return new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        first.complete(text.toString());
                        text.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                    closed.complete(code);
                    first.completeExceptionally(new IllegalStateException("closed with " + code));
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    closed.complete(-1);
                    first.completeExceptionally(error);
                }
            };
        }
    }
}
