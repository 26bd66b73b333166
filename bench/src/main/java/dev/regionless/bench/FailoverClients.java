package dev.regionless.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The failover benchmark's clients, all through one edge: GET and POST clients each sending one request every
 * {@value #PACE_MILLIS} ms, and WebSocket clients that reconnect whenever their connection closes (after 50 ms,
 * doubling while connects fail, as Quack's page backs off). Every outcome is kept with its times, so the failover
 * can be measured afterwards from the moment the region failed.
 */
final class FailoverClients implements AutoCloseable {
    static final long PACE_MILLIS = 10;

    /** One request's fate: sent and finished (System.nanoTime), served by {@code region} or failed. */
    record Outcome(String kind, long sentNanos, long doneNanos, String region, boolean ok) {}

    /**
     * A WebSocket client's event: connected to {@code region} (at the handshake's end), closed with {@code code}, or
     * a failed connect.
     */
    record SocketEvent(int client, long atNanos, String what, String region, int code) {}

    private final URI api;
    private final URI webSocket;
    private final Map<String, String> regionsByAddress;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Thread> threads = new ArrayList<>();
    private final List<WebSocket> openSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Queue<SocketEvent> socketEvents = new ConcurrentLinkedQueue<>();
    /** The region each WebSocket client is connected to now, or null between connections. */
    final String[] socketRegions;

    FailoverClients(URI api, URI webSocket, Map<String, String> regionsByAddress, int gets, int posts, int sockets) {
        this.api = api;
        this.webSocket = webSocket;
        this.regionsByAddress = regionsByAddress;
        this.socketRegions = new String[sockets];
        for (int i = 0; i < gets; i++) {
            threads.add(Thread.ofVirtual().unstarted(() -> requests("GET")));
        }
        for (int i = 0; i < posts; i++) {
            threads.add(Thread.ofVirtual().unstarted(() -> requests("POST")));
        }
        for (int i = 0; i < sockets; i++) {
            int client = i;
            threads.add(Thread.ofVirtual().unstarted(() -> socket(client)));
        }
    }

    FailoverClients start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void requests(String method) {
        while (!stopped) {
            long sent = System.nanoTime();
            var request = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(30));
            if (method.equals("POST")) {
                request.POST(HttpRequest.BodyPublishers.ofString("{\"at\":" + sent + "}"));
            }
            String region = null;
            boolean ok = false;
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                ok = response.statusCode() == 200;
                region = response.headers().firstValue("X-Regionless-Region").orElse(null);
            } catch (java.io.IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                return;
            }
            outcomes.add(new Outcome(method, sent, System.nanoTime(), region, ok));
            LockSupport.parkNanos(Math.max(0, TimeUnit.MILLISECONDS.toNanos(PACE_MILLIS) - (System.nanoTime() - sent)));
        }
    }

    private void socket(int client) {
        long backoff = 50;
        while (!stopped) {
            var closed = new CompletableFuture<Integer>();
            var first = new CompletableFuture<String>();
            WebSocket socket = null;
            try {
                socket = http.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(webSocket, listener(first, closed))
                        .get(10, TimeUnit.SECONDS);
                long opened = System.nanoTime();
                openSockets.add(socket);
                socket.sendText("{\"action\":\"describe\"}", true).get(5, TimeUnit.SECONDS);
                var region = regionOf(first.get(10, TimeUnit.SECONDS));
                socketRegions[client] = region;
                // When the edge let the client in; the region is known once the describe route has answered.
                socketEvents.add(new SocketEvent(client, opened, "connected", region, 0));
                backoff = 50;
                int code = awaitClose(closed);
                socketRegions[client] = null;
                if (!stopped) {
                    socketEvents.add(new SocketEvent(client, System.nanoTime(), "closed", region, code));
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                socketRegions[client] = null;
                if (!stopped) {
                    socketEvents.add(new SocketEvent(client, System.nanoTime(), "failed", null, 0));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
                    backoff = Math.min(backoff * 2, 2_000);
                }
            } finally {
                if (socket != null) {
                    openSockets.remove(socket);
                    socket.abort();
                }
            }
        }
    }

    /** Waits for the close, or for the end of the run (an aborted socket tells its listener nothing). */
    private int awaitClose(CompletableFuture<Integer> closed) throws Exception {
        while (!stopped) {
            try {
                return closed.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // still open
            }
        }
        return 1000;
    }

    /** The describe route answers the event it saw; its domain is the region's WebSocket address. */
    private String regionOf(String describe) {
        int at = describe.indexOf("\"domainName\":\"");
        if (at < 0) {
            return "?";
        }
        var domain = describe.substring(at + 14, describe.indexOf('"', at + 14));
        return regionsByAddress.getOrDefault(domain, "?");
    }

    private static WebSocket.Listener listener(CompletableFuture<String> first, CompletableFuture<Integer> closed) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    first.complete(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                first.completeExceptionally(new IllegalStateException("closed with " + statusCode + " first"));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(1006);
                first.completeExceptionally(error);
            }
        };
    }

    @Override
    public void close() {
        stopped = true;
        openSockets.forEach(WebSocket::abort);
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
