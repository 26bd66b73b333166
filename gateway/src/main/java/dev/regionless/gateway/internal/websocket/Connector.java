package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.internal.auth.Decision;
import dev.regionless.gateway.internal.auth.GuardRequest;
import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.Header;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's life on the WebSocket port: the handshake waits for the API's authorizer, if it has one (a
 * refusal answers the handshake 401, 403 or 500), then for {@code $connect} (the client is let in only if it
 * accepts), frames become messages for the {@link MessageRouter}, and once the connection has closed, from
 * either side, {@code $disconnect} runs once, after the messages still running.
 */
public final class Connector implements Handler<ServerWebSocketHandshake> {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final Supplier<WebSocketDeployment> deployment;
    private final ConnectionRegistry registry;
    private final Invocations invocations;
    private final MessageRouter router;
    private final Supplier<String> domainName;
    private final String arnPrefix;
    /** Set when the region stops: its connections end without {@code $disconnect}, as when an AWS region fails. */
    private volatile boolean stopping;

    public Connector(
            Supplier<WebSocketDeployment> deployment,
            ConnectionRegistry registry,
            Invocations invocations,
            Supplier<String> domainName,
            String region,
            String accountId) {
        this.deployment = deployment;
        this.arnPrefix = "arn:aws:execute-api:" + region + ":" + accountId + ":";
        this.registry = registry;
        this.invocations = invocations;
        this.router = new MessageRouter(deployment, invocations);
        this.domainName = domainName;
    }

    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        var context = Vertx.currentContext();
        var api = deployment.get().byPath(handshake.path());
        if (api.isEmpty()) {
            // API Gateway answers an unknown stage with 403, as it does for any path it has no resource for.
            handshake.reject(403);
            return;
        }
        var facts = factsOf(handshake, api.get());
        var guard = api.get().connectGuard();
        if (guard.isEmpty()) {
            connect(handshake, api.get(), facts, context);
            return;
        }
        var headers = headers(handshake);
        var request = new GatewayRequest(
                "GET", handshake.path(), handshake.query(), headers, new byte[0], facts.sourceIp(), "HTTP/1.1");
        var ids = invocations.idsWithoutMessage();
        var guardRequest = new GuardRequest(
                request,
                arnPrefix + facts.apiId() + "/" + facts.stage() + "/" + WebSocketApiDefinition.CONNECT,
                format -> WebSocketEvents.connect(facts, headers, handshake.query(), ids),
                List.of(),
                false);
        guard.get()
                .authorize(guardRequest)
                .thenAccept(decision -> context.runOnContext(ignored -> {
                    switch (decision) {
                        case Decision.Allow allow ->
                            connect(handshake, api.get(), facts.withAuthorizer(allow.authorizer()), context);
                        case Decision.Refuse refuse -> {
                            LOG.debug(
                                    "The authorizer refused connection {}: {}", facts.connectionId(), refuse.refusal());
                            handshake.reject(refuse.refusal().status());
                        }
                    }
                }));
    }

    private void connect(
            ServerWebSocketHandshake handshake, CompiledWebSocketApi api, ConnectionFacts facts, Context context) {
        var connectFunction = api.functionOf(WebSocketApiDefinition.CONNECT);
        if (connectFunction.isEmpty()) {
            accept(handshake, facts, context, null);
            return;
        }
        var event =
                WebSocketEvents.connect(facts, headers(handshake), handshake.query(), invocations.idsWithoutMessage());
        invocations
                .invoke(connectFunction.get(), event)
                .thenAccept(outcome -> context.runOnContext(ignored -> {
                    switch (ConnectDecision.of(outcome)) {
                        case ConnectDecision.Accept accept -> accept(handshake, facts, context, accept.subProtocol());
                        case ConnectDecision.Reject reject -> {
                            LOG.debug("$connect refused connection {}: {}", facts.connectionId(), outcome);
                            handshake.reject(reject.status());
                        }
                    }
                }));
    }

    private ConnectionFacts factsOf(ServerWebSocketHandshake handshake, CompiledWebSocketApi api) {
        var remote = handshake.remoteAddress();
        return new ConnectionFacts(
                registry.newId(),
                api.apiId(),
                api.stage(),
                domainName.get(),
                invocations.clock().instant(),
                remote == null ? "" : remote.hostAddress(),
                handshake.headers().get("User-Agent"));
    }

    private static List<Header> headers(ServerWebSocketHandshake handshake) {
        var headers = new ArrayList<Header>();
        for (Map.Entry<String, String> entry : handshake.headers()) {
            headers.add(new Header(entry.getKey(), entry.getValue()));
        }
        return headers;
    }

    private void accept(
            ServerWebSocketHandshake handshake, ConnectionFacts facts, Context context, String subProtocol) {
        try {
            // The server accepts any subprotocol ("*"), and Netty answers the first one the request offers: leaving
            // only $connect's choice in the request makes it the answer, and none when the function chose none.
            if (subProtocol == null) {
                handshake.headers().remove(ConnectDecision.SUB_PROTOCOL_HEADER);
            } else {
                handshake.headers().set(ConnectDecision.SUB_PROTOCOL_HEADER, subProtocol);
            }
            handshake
                    .accept()
                    .onSuccess(socket -> open(socket, facts, context))
                    .onFailure(
                            error -> LOG.debug("Handshake of {} failed: {}", facts.connectionId(), error.toString()));
        } catch (RuntimeException e) {
            // The client may have gone while $connect ran.
            LOG.debug("Handshake of {} could not complete: {}", facts.connectionId(), e.toString());
        }
    }

    private void open(ServerWebSocket socket, ConnectionFacts facts, Context context) {
        var connection = new Connection(facts, socket, context);
        registry.add(connection);
        socket.frameHandler(frame -> onFrame(connection, frame));
        socket.exceptionHandler(error -> LOG.debug("Connection {}: {}", facts.connectionId(), error.toString()));
        socket.closeHandler(ignored -> onClosed(connection));
    }

    private void onFrame(Connection connection, WebSocketFrame frame) {
        connection.touch(invocations.clock().instant());
        MessageAssembler.FrameKind kind;
        if (frame.isText()) {
            kind = MessageAssembler.FrameKind.TEXT;
        } else if (frame.isBinary()) {
            kind = MessageAssembler.FrameKind.BINARY;
        } else if (frame.isContinuation()) {
            kind = MessageAssembler.FrameKind.CONTINUATION;
        } else {
            return; // ping, pong and close frames are Vert.x's business
        }
        var result = connection.assembler().accept(kind, frame.binaryData().getBytes(), frame.isFinal());
        switch (result) {
            case MessageAssembler.Result.Partial partial -> {}
            case MessageAssembler.Result.Refused refused -> connection.close(refused.reason());
            case MessageAssembler.Result.Message message ->
                connection.enqueue(() -> router.route(connection, message.text()));
        }
    }

    /** From now on, closed connections run no {@code $disconnect}: the functions are about to stop too. */
    public void stop() {
        stopping = true;
    }

    private void onClosed(Connection connection) {
        registry.remove(connection);
        if (!connection.markFinished() || stopping) {
            return;
        }
        var facts = connection.facts();
        var reason = connection.closeReason();
        var disconnectFunction = deployment
                .get()
                .byStage(facts.stage())
                .flatMap(api -> api.functionOf(WebSocketApiDefinition.DISCONNECT));
        disconnectFunction.ifPresent(function -> connection.afterMessages(() -> {
            var event = WebSocketEvents.disconnect(facts, reason, invocations.idsWithoutMessage());
            invocations
                    .invoke(function, event)
                    .thenAccept(outcome -> LOG.debug("$disconnect of {} answered {}", facts.connectionId(), outcome));
        }));
    }
}
