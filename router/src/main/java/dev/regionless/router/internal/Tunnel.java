package dev.regionless.router.internal;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's WebSocket joined to its region's: data frames cross unchanged (type, fragmentation), a side whose
 * peer cannot keep up is paused until the peer drains, and a close on either side closes the other. When the
 * region goes away the client is told to reconnect (1012 Service Restart), and lands on a healthy region.
 */
final class Tunnel {
    /** RFC 6455 close codes. */
    static final short SERVICE_RESTART = 1012;

    static final short GOING_AWAY = 1001;

    private final ServerWebSocket client;
    private final WebSocket region;
    private final String regionName;
    private final Context context;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();

    Tunnel(ServerWebSocket client, WebSocket region, String regionName, Context context, Runnable onEnd) {
        this.client = client;
        this.region = region;
        this.regionName = regionName;
        this.context = context;
        this.onEnd = onEnd;
    }

    String regionName() {
        return regionName;
    }

    void open() {
        pipe(client, region);
        pipe(region, client);
        client.closeHandler(v -> {
            var code = client.closeStatusCode();
            closeQuietly(region, code == null ? 1000 : code, client.closeReason());
            end();
        });
        region.closeHandler(v -> {
            closeQuietly(client, clientCode(region.closeStatusCode()), region.closeReason());
            end();
        });
        client.exceptionHandler(error -> closeQuietly(region, GOING_AWAY, "client connection failed"));
        region.exceptionHandler(error -> closeQuietly(client, SERVICE_RESTART, "region connection failed"));
        region.resume();
    }

    /** Tells the client to reconnect elsewhere: its region is no longer available. */
    void restart(String reason) {
        context.runOnContext(v -> {
            closeQuietly(client, SERVICE_RESTART, reason);
            closeQuietly(region, GOING_AWAY, "the edge moved the client to another region");
        });
    }

    /**
     * A region that drops the connection (1001 going away, 1006 abnormal, 1011 error, or no code) is restarting or
     * gone: the client should reconnect at once. Other codes (1000, 1008, 1009...) are the API's own and pass.
     */
    static short clientCode(Short regionCode) {
        if (regionCode == null) {
            return SERVICE_RESTART;
        }
        return switch (regionCode) {
            case 1001, 1005, 1006, 1011, 1012, 1013, 1014 -> SERVICE_RESTART;
            default -> regionCode;
        };
    }

    private static void pipe(WebSocketBase from, WebSocketBase to) {
        from.frameHandler(frame -> {
            WebSocketFrame copy;
            if (frame.isText()) {
                copy = WebSocketFrame.textFrame(frame.textData(), frame.isFinal());
            } else if (frame.isBinary()) {
                copy = WebSocketFrame.binaryFrame(frame.binaryData(), frame.isFinal());
            } else if (frame.isContinuation()) {
                copy = WebSocketFrame.continuationFrame(frame.binaryData(), frame.isFinal());
            } else {
                return; // ping, pong and close are each side's own business
            }
            if (to.isClosed()) {
                return;
            }
            to.writeFrame(copy);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
    }

    private static void closeQuietly(WebSocketBase socket, int code, String reason) {
        if (!socket.isClosed()) {
            socket.close((short) code, reason == null ? "" : truncated(reason));
        }
    }

    /** A close reason must fit a control frame: 123 bytes. */
    private static String truncated(String reason) {
        var bytes = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length <= 123 ? reason : new String(bytes, 0, 120, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
