package dev.regionless.gateway.internal.websocket;

import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.internal.Integration.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one whole message of a connection to its route's function. Lambda proxy routes have no route response, so
 * a function's answer is not sent back; the client hears from the gateway only when the message went nowhere
 * ({@code Forbidden}) or the function failed ({@code Internal server error}) or timed out.
 */
public final class MessageRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final Supplier<WebSocketDeployment> deployment;
    private final Invocations invocations;

    public MessageRouter(Supplier<WebSocketDeployment> deployment, Invocations invocations) {
        this.deployment = deployment;
        this.invocations = invocations;
    }

    /** Routes the message; the future completes when its function has answered (or timed out). */
    public CompletableFuture<Void> route(Connection connection, String message) {
        var facts = connection.facts();
        var ids = invocations.idsForMessage();
        var route = deployment.get().byStage(facts.stage()).flatMap(api -> api.route(message));
        if (route.isEmpty()) {
            connection.sendText(ErrorFrames.forbidden(facts.connectionId(), ids.requestId()));
            return CompletableFuture.completedFuture(null);
        }
        var selected = route.get();
        var event = WebSocketEvents.message(facts, selected.routeKey(), message, ids);
        return invocations.invoke(selected.functionName(), event).thenAccept(outcome -> {
            var error = errorFrame(outcome, facts.connectionId(), ids.requestId());
            if (error != null) {
                LOG.debug("Route {} of connection {} answered {}", selected.routeKey(), facts.connectionId(), outcome);
                connection.sendText(error);
            }
        });
    }

    private static String errorFrame(Outcome outcome, String connectionId, String requestId) {
        return switch (outcome) {
            case Outcome.Answered(InvocationResult.Completed completed) -> null;
            case Outcome.TimedOut timedOut -> ErrorFrames.timedOut(connectionId, requestId);
            case Outcome.UnknownFunction unknown -> {
                LOG.warn("WebSocket route function missing: {}", unknown.message());
                yield ErrorFrames.internalServerError(connectionId, requestId);
            }
            case Outcome.Crashed crashed -> {
                LOG.error("WebSocket route of connection {} failed in the gateway", connectionId, crashed.error());
                yield ErrorFrames.internalServerError(connectionId, requestId);
            }
            default -> ErrorFrames.internalServerError(connectionId, requestId);
        };
    }
}
