package dev.regionless.region;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client as a browser would be one: the JDK's, collecting what the server sends. */
public final class WebSocketTestClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {}

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WebSocketTestClient() {}

    /** Connects; fails the test if the handshake is refused. */
    public static WebSocketTestClient connect(URI uri) {
        var client = new WebSocketTestClient();
        client.socket = HTTP.newWebSocketBuilder()
                .header("User-Agent", "websocket-test/1.0")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client.listener())
                .orTimeout(20, TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** The HTTP status a refused handshake was answered with. */
    public static int refusedStatus(URI uri) {
        try {
            connect(uri).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake to " + uri + " was accepted");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one message in several frames, one per part. */
    public void sendInFrames(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    /** The next message from the server; fails the test after 20 s. */
    public String nextMessage() {
        try {
            var message = messages.poll(20, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 20 s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A message already received, if any, without waiting. */
    public String pendingMessage() {
        return messages.poll();
    }

    /** How the server closed the connection; fails the test after 20 s. */
    public Closed awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                // Answer the close so the server sees a clean close handshake.
                return webSocket.isOutputClosed() ? null : webSocket.sendClose(statusCode, "");
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
    }
}
