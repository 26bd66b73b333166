package dev.regionless.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded client load through one edge: HTTP clients sending GETs and POSTs (each about 50 a second), and
 * WebSocket clients that reconnect at once whenever their connection closes, as Quack's page does. It counts what
 * each kind of client saw, and which region served the last requests.
 */
final class ClientLoad implements AutoCloseable {
    private static final long PACE_NANOS = Duration.ofMillis(20).toNanos();

    private final URI api;
    private final URI webSocket;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ReconnectingSocket> sockets = new ArrayList<>();
    private volatile boolean stopped;

    final AtomicLong getsOk = new AtomicLong();
    final AtomicLong getsFailed = new AtomicLong();
    final AtomicLong postsOk = new AtomicLong();
    final AtomicLong postsFailed = new AtomicLong();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Requests served per region since {@link #resetServed()}. */
    final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

    ClientLoad(Edge edge, String stage, int getters, int posters, int webSocketClients) {
        this.api = URI.create(edge.endpoints().http() + stage + "/echo");
        this.webSocket = URI.create(edge.endpoints().webSocket() + "/ws");
        for (int i = 0; i < getters; i++) {
            threads.add(Thread.ofVirtual().unstarted(() -> loop(false)));
        }
        for (int i = 0; i < posters; i++) {
            threads.add(Thread.ofVirtual().unstarted(() -> loop(true)));
        }
        for (int i = 0; i < webSocketClients; i++) {
            sockets.add(new ReconnectingSocket(webSocket));
        }
    }

    ClientLoad start() {
        threads.forEach(Thread::start);
        sockets.forEach(ReconnectingSocket::start);
        return this;
    }

    List<ReconnectingSocket> sockets() {
        return sockets;
    }

    long served(String region) {
        var count = served.get(region);
        return count == null ? 0 : count.get();
    }

    void resetServed() {
        served.clear();
    }

    private void loop(boolean post) {
        long n = 0;
        while (!stopped) {
            long started = System.nanoTime();
            var builder = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(20));
            if (post) {
                builder.POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + n++ + "}"));
            }
            try {
                var response = http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    (post ? postsOk : getsOk).incrementAndGet();
                    response.headers()
                            .firstValue("X-Regionless-Region")
                            .ifPresent(region -> served.computeIfAbsent(region, r -> new AtomicLong())
                                    .incrementAndGet());
                } else {
                    fail(post, "status " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                fail(post, e.toString());
            } catch (InterruptedException e) {
                return;
            }
            // Paced, so the load stays bounded on a small machine.
            LockSupport.parkNanos(Math.max(0, PACE_NANOS - (System.nanoTime() - started)));
        }
    }

    private void fail(boolean post, String what) {
        (post ? postsFailed : getsFailed).incrementAndGet();
        failures.add((post ? "POST " : "GET ") + what);
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops every client and waits for them, so the counts are final. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        sockets.forEach(ReconnectingSocket::close);
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(25));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
