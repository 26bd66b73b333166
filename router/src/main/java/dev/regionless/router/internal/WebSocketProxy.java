package dev.regionless.router.internal;

import dev.regionless.router.EdgeConfig;
import dev.regionless.router.RegionTarget;
import dev.regionless.router.engine.EdgeRouter;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge's WebSocket proxy: for each handshake it opens the region's WebSocket first (same path, stage and query,
 * the client's headers and offered subprotocols), and lets the client in only once the region has; a region that
 * refuses (its {@code $connect} said no) has its status passed on, one that cannot be reached is replaced by the
 * next choice. Open tunnels are tracked per region, so that when a region stops being available its clients are
 * closed with 1012 at once and reconnect to a healthy region.
 */
public final class WebSocketProxy implements Handler<ServerWebSocketHandshake> {
    private final Vertx vertx;
    private final EdgeConfig config;
    private final EdgeRouter router;
    private final WebSocketClient client;
    private final HostNames hosts;
    private final Map<String, Set<Tunnel>> tunnels = new ConcurrentHashMap<>();
    private static final String SUB_PROTOCOL = "Sec-WebSocket-Protocol";

    public WebSocketProxy(Vertx vertx, EdgeConfig config, EdgeRouter router, WebSocketClient client) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
        this.client = client;
        this.hosts = new HostNames(config.domain());
        router.onAvailabilityChange(region -> rebalance());
    }

    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        if (hosts.classify(handshake.authority()) == HostNames.Kind.UNKNOWN) {
            handshake.reject(404);
            return;
        }
        var targets = router.route();
        if (targets.isEmpty()) {
            handshake.reject(503);
            return;
        }
        connect(handshake, targets, 0, true);
    }

    private void connect(
            ServerWebSocketHandshake handshake, List<RegionTarget> targets, int attempt, boolean offerSubProtocols) {
        var target = targets.get(attempt);
        var root = target.webSocket();
        var options = new WebSocketConnectOptions()
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI(handshake.uri())
                .setAllowOriginHeader(false)
                .setHeaders(ProxyHeaders.forRequest(
                        handshake.headers(), handshake.remoteAddress(), handshake.authority(), true));
        var origin = handshake.headers().get("Origin");
        if (origin != null) {
            options.addHeader("Origin", origin);
        }
        var offered = offerSubProtocols ? offeredSubProtocols(handshake) : List.<String>of();
        if (!offered.isEmpty()) {
            options.setSubProtocols(offered);
        }
        // The handshake is one round trip to the region: it waits the simulated one first.
        long delay = router.trafficDelay(target.name()).toMillis();
        if (delay > 0) {
            vertx.setTimer(delay, id -> open(handshake, targets, attempt, options, offered));
        } else {
            open(handshake, targets, attempt, options, offered);
        }
    }

    private void open(
            ServerWebSocketHandshake handshake,
            List<RegionTarget> targets,
            int attempt,
            WebSocketConnectOptions options,
            List<String> offered) {
        var target = targets.get(attempt);
        client.connect(options).onComplete(outcome -> {
            if (outcome.succeeded()) {
                accept(handshake, outcome.result(), target);
            } else if (!offered.isEmpty() && acceptedWithoutSubProtocol(outcome.cause())) {
                // The region let the client in but chose none of its subprotocols, which the WebSocket client
                // takes for a failed handshake. The region is fine: connect again without offering any, so the
                // client gets what the region answered (no subprotocol), as from API Gateway.
                connect(handshake, targets, attempt, false);
            } else {
                refused(handshake, targets, attempt, outcome.cause());
            }
        });
    }

    private void accept(ServerWebSocketHandshake handshake, WebSocket upstream, RegionTarget target) {
        upstream.pause(); // until the client is in, so nothing the region sends first is lost
        router.onAnswer(target.name(), 101);
        var context = vertx.getOrCreateContext();
        // The edge's server accepts any subprotocol ("*") and Netty answers the first one the request offers:
        // leaving only the region's choice in the request passes that choice on, and none when it chose none.
        var chosen = upstream.subProtocol();
        if (chosen == null) {
            handshake.headers().remove(SUB_PROTOCOL);
        } else {
            handshake.headers().set(SUB_PROTOCOL, chosen);
        }
        handshake.accept().onComplete(accepted -> {
            if (accepted.failed()) {
                upstream.close(Tunnel.GOING_AWAY, "the client left during the handshake");
                return;
            }
            var name = target.name();
            var set = tunnels.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
            var holder = new Tunnel[1];
            // Frames cross half the simulated round trip each way, read again for each frame: a changed delay applies.
            var oneWay =
                    new Tunnel.Delays(vertx, () -> router.trafficDelay(name).toMillis() / 2);
            holder[0] = new Tunnel(accepted.result(), upstream, name, context, oneWay, () -> {
                set.remove(holder[0]);
                router.onWebSocketClosed(name);
            });
            set.add(holder[0]);
            router.onWebSocketOpened(name);
            holder[0].open();
        });
    }

    private void refused(ServerWebSocketHandshake handshake, List<RegionTarget> targets, int attempt, Throwable error) {
        var region = targets.get(attempt).name();
        boolean hasNext = config.retries() && attempt == 0 && targets.size() > 1;
        if (error instanceof UpgradeRejectedException rejected) {
            // The region answered: its status is the API's answer (403 for an unknown stage, $connect's refusal),
            // unless it says it cannot serve now.
            int status = rejected.getStatus();
            router.onAnswer(region, status);
            if ((status == 502 || status == 503) && hasNext) {
                connect(handshake, targets, attempt + 1, true);
            } else {
                handshake.reject(status);
            }
            return;
        }
        // A WebSocket handshake is a GET: the region either never saw it or refused it; the next choice may answer.
        router.onConnectFailure(region, Failures.describe(error));
        if (hasNext) {
            connect(handshake, targets, attempt + 1, true);
        } else {
            handshake.reject(502);
        }
    }

    /**
     * Closes (1012) the tunnels to every region that is no longer available, provided the edge now has an available
     * region to send their clients to; when every region is down they stay where they are.
     */
    private void rebalance() {
        var order = router.route();
        if (order.isEmpty() || !router.isAvailable(order.getFirst().name())) {
            return;
        }
        tunnels.forEach((region, open) -> {
            if (!open.isEmpty() && !router.isAvailable(region)) {
                for (var tunnel : new ArrayList<>(open)) {
                    tunnel.restart("region " + region + " is unavailable; reconnect");
                }
            }
        });
    }

    /** Open tunnels to a region. */
    public int openTunnels(String region) {
        var open = tunnels.get(region);
        return open == null ? 0 : open.size();
    }

    /** A 101 answer whose subprotocol (none) is not one offered: Netty's client refuses it. */
    private static boolean acceptedWithoutSubProtocol(Throwable error) {
        return error instanceof WebSocketClientHandshakeException refused
                && refused.response() != null
                && refused.response().status().code() == 101
                && !refused.response().headers().contains(SUB_PROTOCOL);
    }

    private static List<String> offeredSubProtocols(ServerWebSocketHandshake handshake) {
        var offered = new ArrayList<String>();
        for (var value : handshake.headers().getAll(SUB_PROTOCOL)) {
            Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(offered::add);
        }
        return offered;
    }
}
