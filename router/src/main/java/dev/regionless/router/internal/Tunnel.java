package dev.regionless.router.internal;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrame;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

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
    private final Delays delays;
    private final AtomicBoolean ended = new AtomicBoolean();

    Tunnel(
            ServerWebSocket client,
            WebSocket region,
            String regionName,
            Context context,
            Delays delays,
            Runnable onEnd) {
        this.client = client;
        this.region = region;
        this.regionName = regionName;
        this.context = context;
        this.delays = delays;
        this.onEnd = onEnd;
    }

    /**
     * The simulated one-way delay of a tunnel's frames, one queue per direction: each frame (and the close behind
     * them) leaves {@code oneWayMillis} after it arrived, never before the one ahead of it, so a changed delay does not
     * reorder a direction's frames. Touched only on the tunnel's event loop.
     */
    static final class Delays {
        private final Vertx vertx;
        private final LongSupplier oneWayMillis;

        Delays(Vertx vertx, LongSupplier oneWayMillis) {
            this.vertx = vertx;
            this.oneWayMillis = oneWayMillis;
        }

        /** A queue for one direction. */
        Direction direction() {
            return new Direction();
        }

        final class Direction {
            private long lastAt;

            void run(Runnable action) {
                long delay = oneWayMillis.getAsLong();
                long now = System.nanoTime() / 1_000_000;
                if (delay <= 0 && lastAt <= now) {
                    action.run();
                    return;
                }
                long at = Math.max(now + delay, lastAt);
                lastAt = at;
                vertx.setTimer(Math.max(1, at - now), id -> action.run());
            }
        }
    }

    String regionName() {
        return regionName;
    }

    void open() {
        var toRegion = delays.direction();
        var toClient = delays.direction();
        pipe(client, region, toRegion);
        pipe(region, client, toClient);
        client.closeHandler(v -> {
            var code = client.closeStatusCode();
            var reason = client.closeReason();
            toRegion.run(() -> closeQuietly(region, code == null ? 1000 : code, reason));
            end();
        });
        region.closeHandler(v -> {
            var code = clientCode(region.closeStatusCode());
            var reason = region.closeReason();
            toClient.run(() -> closeQuietly(client, code, reason));
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

    private static void pipe(WebSocketBase from, WebSocketBase to, Delays.Direction direction) {
        from.frameHandler(frame -> {
            WebSocketFrame copy;
            if (frame.isText()) {
                copy = WebSocketFrame.textFrame(frame.textData(), frame.isFinal());
            } else if (frame.isBinary()) {
                copy = WebSocketFrame.binaryFrame(frame.binaryData().copy(), frame.isFinal());
            } else if (frame.isContinuation()) {
                copy = WebSocketFrame.continuationFrame(frame.binaryData().copy(), frame.isFinal());
            } else {
                return; // ping, pong and close are each side's own business
            }
            direction.run(() -> {
                if (to.isClosed()) {
                    return;
                }
                to.writeFrame(copy);
                if (to.writeQueueFull()) {
                    from.pause();
                    to.drainHandler(v -> from.resume());
                }
            });
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
