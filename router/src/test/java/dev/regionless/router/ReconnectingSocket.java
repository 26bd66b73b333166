package dev.regionless.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A WebSocket client that behaves like Quack's page: it connects through the edge, asks which region it reached
 * (the {@code describe} route answers with the region's domain), and reconnects at once whenever the connection
 * closes. It remembers every close code and every region it was connected to.
 */
final class ReconnectingSocket {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI uri;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile WebSocket socket;
    private volatile String region;
    final List<Integer> closeCodes = Collections.synchronizedList(new ArrayList<>());
    final List<String> regions = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failedConnects = new AtomicInteger();

    ReconnectingSocket(URI uri) {
        this.uri = uri;
        this.thread = Thread.ofVirtual().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** The region it is connected to now, or null between connections. */
    String region() {
        return region;
    }

    private void run() {
        while (!stopped) {
            var closed = new CompletableFuture<Integer>();
            var firstMessage = new CompletableFuture<String>();
            try {
                socket = HTTP.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(uri, listener(firstMessage, closed))
                        .get(10, TimeUnit.SECONDS);
                socket.sendText("{\"action\":\"describe\"}", true).get(5, TimeUnit.SECONDS);
                var domain = json(firstMessage.get(10, TimeUnit.SECONDS))
                        .get("domainName")
                        .asText();
                region = EdgeFixture.regionAt(domain.substring(0, domain.indexOf(':')));
                regions.add(region);
                closeCodes.add(closed.get());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!stopped) {
                    failedConnects.incrementAndGet();
                    closed.complete(-1);
                    if (socket != null) {
                        socket.abort();
                    }
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // as the page backs off
                }
            } finally {
                region = null;
            }
        }
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
                closed.complete(-1);
                first.completeExceptionally(error);
            }
        };
    }

    private static JsonNode json(String text) throws java.io.IOException {
        return Json.mapper().readTree(text);
    }

    void close() {
        stopped = true;
        var open = socket;
        if (open != null && !open.isOutputClosed()) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        try {
            thread.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
