package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import dev.regionless.router.engine.EdgeRouter;
import dev.regionless.router.internal.DnsServer;
import dev.regionless.router.internal.EdgeAdminApi;
import dev.regionless.router.internal.HealthChecker;
import dev.regionless.router.internal.HttpProxy;
import dev.regionless.router.internal.InvalidRequests;
import dev.regionless.router.internal.WebSocketProxy;
import dev.regionless.router.protocol.DnsResponder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A running edge: a reverse proxy for the app's HTTP and WebSocket APIs, an authoritative DNS server for its zone,
 * an admin port, and health checks of every region, all following one {@link RoutingPolicy}. Start one per place
 * clients come from ({@code london}, {@code oregon}); each measures its own round trips, so each sends its clients
 * to the region nearest to it.
 *
 * <pre>{@code
 * var edge = Edge.start(vertx, EdgeConfig.defaults("london", AppDomain.of("quack.regionless.test")), regions);
 * edge.endpoints().http();   // http://127.0.0.1:PORT, forwarded to the chosen region's app port
 * }</pre>
 */
public final class Edge implements AutoCloseable {
    /** Region WebSocket frames are at most 32 KB and messages 128 KB; the edge carries frames up to this size. */
    private static final int MAX_WEBSOCKET_FRAME = 256 * 1024;
    /** API Gateway refuses request lines and headers over 10,240 bytes. */
    private static final int MAX_HEADER_BYTES = 10_240;

    private final EdgeConfig config;
    private final EdgeRouter router;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private EdgeEndpoints endpoints;

    private Edge(EdgeConfig config, EdgeRouter router) {
        this.config = config;
        this.router = router;
    }

    /**
     * Starts an edge in front of {@code regions} on {@code vertx}; health checks begin at once, and every region
     * counts as healthy until its checks say otherwise.
     *
     * @throws IllegalArgumentException when the policy names a region that is not among {@code regions}
     * @throws IllegalStateException when a port cannot be bound
     */
    public static Edge start(Vertx vertx, EdgeConfig config, List<RegionTarget> regions) {
        requireNonNull(vertx, "vertx");
        var edge = new Edge(requireNonNull(config, "config"), new EdgeRouter(config, List.copyOf(regions)));
        try {
            edge.listen(vertx);
        } catch (RuntimeException e) {
            edge.close();
            throw e;
        }
        return edge;
    }

    private void listen(Vertx vertx) {
        var addresses = addressesOf(router.targets());
        HttpClientAgent client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(2_000)
                        .setMaxHeaderSize(64 * 1024),
                new PoolOptions().setHttp1MaxSize(256));
        parts.add(client::close);
        WebSocketClient webSocketClient = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout(2_000)
                .setMaxFrameSize(MAX_WEBSOCKET_FRAME)
                .setMaxMessageSize(MAX_WEBSOCKET_FRAME * 4)
                .setMaxConnections(100_000));
        parts.add(webSocketClient::close);

        var proxy = new HttpProxy(vertx, config, router, client);
        var webSockets = new WebSocketProxy(vertx, config, router, webSocketClient);
        var proxyServer = await(vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(config.proxyPort())
                        .setReuseAddress(true)
                        .setMaxInitialLineLength(MAX_HEADER_BYTES)
                        .setMaxHeaderSize(MAX_HEADER_BYTES)
                        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
                        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME * 4)
                        // Any subprotocol: the region chooses (see WebSocketProxy).
                        .setWebSocketSubProtocols(List.of("*")))
                .invalidRequestHandler(new InvalidRequests(config.name()))
                .webSocketHandshakeHandler(webSockets)
                .requestHandler(proxy)
                .listen());
        parts.add(() -> await(proxyServer.close()));

        var adminServer = await(vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(config.adminPort())
                        .setReuseAddress(true))
                .requestHandler(new EdgeAdminApi(config, router))
                .listen());
        parts.add(() -> await(adminServer.close()));

        var self = address(config.host());
        var responder = new DnsResponder(config.domain(), config.dnsTtl(), self, service -> answer(service, addresses));
        var dns = DnsServer.start(vertx, config.host(), config.dnsPort(), responder);
        parts.add(dns);

        parts.add(new HealthChecker(vertx, config, router));
        endpoints = new EdgeEndpoints(
                URI.create("http://" + hostInUri(config.host()) + ":" + proxyServer.actualPort()),
                URI.create("ws://" + hostInUri(config.host()) + ":" + proxyServer.actualPort()),
                new InetSocketAddress(self, dns.port()),
                URI.create("http://" + hostInUri(config.host()) + ":" + adminServer.actualPort()));
    }

    /** The address DNS gives for a service: the chosen region's, and the answer counts toward its traffic. */
    private Optional<InetAddress> answer(DnsResponder.Service service, Map<String, InetAddress[]> addresses) {
        var order = router.route();
        if (order.isEmpty()) {
            return Optional.empty();
        }
        var region = order.getFirst().name();
        router.onDnsAnswer(region);
        var pair = addresses.get(region);
        return Optional.of(service == DnsResponder.Service.API ? pair[0] : pair[1]);
    }

    /** Each region's HTTP and WebSocket addresses, resolved once: DNS answers must not wait on a lookup. */
    private static Map<String, InetAddress[]> addressesOf(Iterable<RegionTarget> targets) {
        var addresses = new ConcurrentHashMap<String, InetAddress[]>();
        for (var target : targets) {
            addresses.put(target.name(), new InetAddress[] {
                address(target.http().getHost()), address(target.webSocket().getHost())
            });
        }
        return addresses;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host: " + host + " (expected: an address or a name that resolves)", e);
        }
    }

    private static String hostInUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public String name() {
        return config.name();
    }

    public EdgeConfig config() {
        return config;
    }

    public EdgeEndpoints endpoints() {
        return endpoints;
    }

    /** This edge's view of every region now. */
    public EdgeStatus status() {
        return router.status();
    }

    /**
     * Changes the simulated round-trip delay from this edge to a region (latency routing follows at once).
     *
     * @throws IllegalArgumentException for an unknown region (the message lists the known ones) or a negative delay
     */
    public void setDelay(String region, Duration delay) {
        router.setDelay(region, delay);
    }

    /** Stops health checks, then the ports; open WebSocket connections are dropped. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (var part : parts.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                failure = failure == null
                        ? new IllegalStateException("edge " + config.name() + " did not stop cleanly", e)
                        : failure;
            }
        }
        parts.clear();
        if (failure != null) {
            throw failure;
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping an edge", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
