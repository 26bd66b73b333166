package dev.regionless.gateway.internal.websocket;

import dev.regionless.gateway.WebSocketApiDefinition;
import java.util.Optional;

/** A WebSocket API ready to route: its definition and its parsed route selection expression. */
public final class CompiledWebSocketApi {
    private final WebSocketApiDefinition definition;
    private final RouteSelectionExpression selection;

    private CompiledWebSocketApi(WebSocketApiDefinition definition, RouteSelectionExpression selection) {
        this.definition = definition;
        this.selection = selection;
    }

    /** Compiles an API; a bad expression fails with a message naming the API. */
    public static CompiledWebSocketApi of(WebSocketApiDefinition definition) {
        try {
            return new CompiledWebSocketApi(
                    definition, RouteSelectionExpression.parse(definition.routeSelectionExpression()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WebSocket API " + definition.apiId() + ": " + e.getMessage(), e);
        }
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
