package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.Functions;
import dev.regionless.gateway.internal.Integration;
import dev.regionless.gateway.internal.RequestIds;
import dev.regionless.gateway.internal.auth.Guards;
import dev.regionless.gateway.internal.auth.JwksKeys;
import dev.regionless.gateway.internal.websocket.CloseReason;
import dev.regionless.gateway.internal.websocket.Connection;
import dev.regionless.gateway.internal.websocket.ConnectionRegistry;
import dev.regionless.gateway.internal.websocket.Connector;
import dev.regionless.gateway.internal.websocket.Expiry;
import dev.regionless.gateway.internal.websocket.Invocations;
import dev.regionless.gateway.internal.websocket.ManagementRequests;
import dev.regionless.gateway.internal.websocket.WebSocketDeployment;
import dev.regionless.gateway.protocol.ConnectionsApi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The region's WebSocket port: Amazon API Gateway's WebSocket APIs and their {@code @connections} management API.
 * Each deployed API is served at {@code ws://host:port/{stage}}; {@code http://host:port/{stage}/@connections/{id}}
 * on the same port (the API's own domain, as on AWS) sends to, describes and closes its connections.
 *
 * <p>A handshake waits for the {@code $connect} function; messages go to their route's function one at a time per
 * connection, on the runtime's virtual threads; {@code $disconnect} runs once after a close from either side.
 * Frames over 32 KB and messages over 128 KB close the connection with 1009; connections idle or open for too
 * long ({@link WebSocketLimits}) are closed with 1001.
 */
public final class WebSocketGateway implements AutoCloseable {
    /** How often connections are checked against the idle timeout and the maximum duration. */
    static final long EXPIRY_CHECK_MILLIS = 250;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final ConnectionRegistry registry;
    private final Connector connector;
    private final ConnectionsApi connectionsApi;
    private final Guards guards;
    private volatile WebSocketDeployment deployment = WebSocketDeployment.empty();
    private volatile String domainName = "";
    private String host;
    private HttpServer server;
    private long expiryTimer;

    private WebSocketGateway(Vertx vertx, GatewayConfig config, Functions functions) {
        this.vertx = vertx;
        this.config = config;
        var ids = new RequestIds(ThreadLocalRandom::current);
        this.registry = new ConnectionRegistry(ThreadLocalRandom::current);
        var invocations =
                new Invocations(new Integration(functions), ids, config.clock(), config.webSocketIntegrationTimeout());
        this.connector = new Connector(
                () -> deployment, registry, invocations, () -> domainName, config.region(), config.accountId());
        this.guards = new Guards(new Integration(functions), new JwksKeys(config.clock()), config.clock());
        this.connectionsApi = new ConnectionsApi(this);
    }

    /**
     * Starts serving on {@code host:port} (0 for a free port), with nothing deployed.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static WebSocketGateway start(
            Vertx vertx, String host, int port, GatewayConfig config, Functions functions) {
        var gateway = new WebSocketGateway(
                requireNonNull(vertx, "vertx"),
                requireNonNull(config, "config"),
                requireNonNull(functions, "functions"));
        gateway.host = requireNonNull(host, "host");
        gateway.server = gateway.listen(port);
        gateway.domainName = host + ":" + gateway.server.actualPort();
        gateway.expiryTimer = vertx.setPeriodic(EXPIRY_CHECK_MILLIS, id -> gateway.closeExpired());
        return gateway;
    }

    private HttpServer listen(int port) {
        var options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setReuseAddress(true)
                // Any subprotocol: the $connect function chooses (see Connector).
                .setWebSocketSubProtocols(List.of("*"))
                // The decoder only guards memory: the 32 KB frame limit is checked by the assembler, so that the
                // client gets close code 1009 as on AWS rather than the decoder's own close.
                .setMaxWebSocketFrameSize(WebSocketLimits.MAX_MESSAGE_BYTES)
                .setMaxWebSocketMessageSize(WebSocketLimits.MAX_MESSAGE_BYTES);
        return await(
                vertx.createHttpServer(options)
                        .webSocketHandshakeHandler(connector)
                        .requestHandler(new ManagementRequests(connectionsApi))
                        .listen(),
                "WebSocket port " + host + ":" + port + " could not listen");
    }

    /**
     * Stops answering, as when the region's data centre goes dark: every connection is dropped (1001) and the port
     * closed, so clients reconnect elsewhere. {@link #resume()} listens again on the same port.
     */
    public synchronized void suspend() {
        registry.all().forEach(connection -> connection.close(CloseReason.shutdown()));
        if (server != null) {
            await(server.close(), "WebSocket port " + domainName + " did not close");
            server = null;
        }
    }

    /** Listens again on the port it had before {@link #suspend()}. */
    public synchronized void resume() {
        if (server == null) {
            server = listen(uri().getPort());
        }
    }

    /**
     * Replaces the deployed WebSocket APIs with these, atomically. Open connections stay open and use the new
     * routes of their stage from their next message.
     *
     * @throws IllegalArgumentException when two APIs share an id or a stage, a route selection expression cannot
     *     be read, or an authorizer does not suit a WebSocket API; nothing changes then
     */
    public void deploy(List<WebSocketApiDefinition> apis) {
        deployment = WebSocketDeployment.of(
                List.copyOf(requireNonNull(apis, "apis")), guards, config.webSocketIntegrationTimeout());
    }

    /** The APIs deployed now, in deployment order. */
    public List<WebSocketApiDefinition> apis() {
        return deployment.definitions();
    }

    /** {@code host:port} of this port: the {@code domainName} of every event. */
    public String domainName() {
        return domainName;
    }

    /** The root of the port: {@code ws://host:port}. */
    public URI uri() {
        return URI.create("ws://" + domainName);
    }

    /** Where clients connect to an API: {@code ws://host:port/{stage}}. */
    public URI url(WebSocketApiDefinition api) {
        return URI.create(uri() + "/" + api.stage());
    }

    /** The {@code @connections} management API, for the service port to serve as well. */
    public ConnectionsApi connectionsApi() {
        return connectionsApi;
    }

    /** The open connection with this id, if there is one in this region. */
    public Optional<WebSocketConnection> connection(String connectionId) {
        return registry.open(connectionId).map(connection -> {
            var facts = connection.facts();
            return new WebSocketConnection(
                    facts.connectionId(),
                    facts.apiId(),
                    facts.stage(),
                    facts.connectedAt(),
                    connection.lastActiveAt(),
                    facts.sourceIp(),
                    facts.userAgent());
        });
    }

    /**
     * Sends data to a client as one message: a text frame when the data is UTF-8, else a binary frame.
     *
     * @throws dev.regionless.common.AwsException {@code PayloadTooLargeException} over 128 KB,
     *     {@code GoneException} when no such connection is open here, {@code LimitExceededException} when the
     *     client is not reading
     */
    public void send(String connectionId, byte[] data) {
        if (data.length > WebSocketLimits.MAX_MESSAGE_BYTES) {
            throw WebSocketErrors.payloadTooLarge(data.length);
        }
        var connection = open(connectionId);
        if (connection.isBackedUp()) {
            throw WebSocketErrors.limitExceeded(connectionId);
        }
        connection.send(data);
    }

    /**
     * Closes a connection from the server side (close code 1000); {@code $disconnect} follows.
     *
     * @throws dev.regionless.common.AwsException {@code GoneException} when no such connection is open here
     */
    public void disconnect(String connectionId) {
        open(connectionId).close(CloseReason.deleted());
    }

    /** Closes every connection (1001 Going away) and the port. */
    @Override
    public synchronized void close() {
        vertx.cancelTimer(expiryTimer);
        connector.stop();
        registry.all().forEach(connection -> connection.close(CloseReason.shutdown()));
        if (server != null) {
            await(server.close(), "WebSocket port " + domainName + " did not close");
        }
    }

    private Connection open(String connectionId) {
        return registry.open(requireNonNull(connectionId, "connectionId"))
                .orElseThrow(() -> WebSocketErrors.gone(connectionId));
    }

    private void closeExpired() {
        var now = config.clock().instant();
        for (var connection : registry.all()) {
            if (!connection.isClosing()) {
                Expiry.check(connection.facts().connectedAt(), connection.lastActiveAt(), now, config.webSocket())
                        .ifPresent(connection::close);
            }
        }
    }

    private static <T> T await(Future<T> future, String failure) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(failure + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
