package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketApiDefinition;
import dev.regionless.gateway.internal.auth.Flavor;
import dev.regionless.gateway.internal.auth.Guard;
import dev.regionless.gateway.internal.auth.Guards;
import java.time.Duration;
import java.util.Optional;

/** A WebSocket API ready to route: its definition, its parsed route selection expression, its $connect guard. */
public final class CompiledWebSocketApi {
    private final WebSocketApiDefinition definition;
    private final RouteSelectionExpression selection;
    private final Optional<Guard> connectGuard;

    private CompiledWebSocketApi(
            WebSocketApiDefinition definition, RouteSelectionExpression selection, Optional<Guard> connectGuard) {
        this.definition = definition;
        this.selection = selection;
        this.connectGuard = connectGuard;
    }

    /** Compiles an API without its authorizer; a bad expression fails with a message naming the API. */
    public static CompiledWebSocketApi of(WebSocketApiDefinition definition) {
        return of(definition, null, Duration.ZERO);
    }

    /**
     * Compiles an API, its {@code $connect} authorizer through {@code guards}; a problem fails with a message naming
     * the API.
     */
    public static CompiledWebSocketApi of(WebSocketApiDefinition definition, Guards guards, Duration timeout) {
        try {
            Optional<Guard> guard = Optional.empty();
            if (definition.connectAuthorizer() != null) {
                if (guards == null) {
                    throw new IllegalArgumentException("no function runtime to invoke authorizer "
                            + definition.connectAuthorizer().name());
                }
                guard = Optional.of(guards.compile(definition.connectAuthorizer(), Flavor.WEBSOCKET, timeout));
            }
            return new CompiledWebSocketApi(
                    definition, RouteSelectionExpression.parse(definition.routeSelectionExpression()), guard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WebSocket API " + definition.apiId() + ": " + e.getMessage(), e);
        }
    }

    /** The authorizer that must allow a handshake before {@code $connect} runs, if the API has one. */
    public Optional<Guard> connectGuard() {
        return connectGuard;
    }

    public WebSocketApiDefinition definition() {
        return definition;
    }

    public String apiId() {
        return definition.apiId();
    }

    public String stage() {
        return definition.stage();
    }

    /** The function behind a predefined route ({@code $connect}, {@code $disconnect}), if the API has one. */
    public Optional<String> functionOf(String routeKey) {
        return Optional.ofNullable(definition.routes().get(routeKey));
    }

    /**
     * The route of one message: the custom route its key names, else {@code $default}, else none. A key naming a
     * predefined route ({@code {"action":"$connect"}}) is no custom route.
     */
    public Optional<SelectedRoute> route(String message) {
        var key = selection.evaluate(message).orElse("");
        var function = key.startsWith("$") ? null : definition.routes().get(key);
        if (function != null) {
            return Optional.of(new SelectedRoute(key, function));
        }
        return functionOf(WebSocketApiDefinition.DEFAULT)
                .map(defaultFunction -> new SelectedRoute(WebSocketApiDefinition.DEFAULT, defaultFunction));
    }

    /** A route chosen for a message: its key, as the event's {@code routeKey}, and its function. */
    public record SelectedRoute(String routeKey, String functionName) {}
}
