package dev.regionless.gateway.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.util.List;
import java.util.Optional;

/**
 * A route selection expression of the {@code $request.body.<path>} kind, evaluated on a message as API Gateway
 * does: a message that is not a JSON object selects nothing (so {@code $default} applies); a missing path selects
 * the empty key; a string value is the key itself, any other value its JSON text.
 */
public final class RouteSelectionExpression {
    private static final String PREFIX = "$request.body.";

    private final String text;
    private final List<String> path;

    private RouteSelectionExpression(String text, List<String> path) {
        this.text = text;
        this.path = path;
    }

    /**
     * Reads an expression; {@code ${request.body.action}} is the same as {@code $request.body.action}.
     *
     * @throws IllegalArgumentException naming the expression when it is not of that kind
     */
    public static RouteSelectionExpression parse(String expression) {
        var unwrapped = expression.startsWith("${") && expression.endsWith("}")
                ? "$" + expression.substring(2, expression.length() - 1)
                : expression;
        var rest = unwrapped.startsWith(PREFIX) ? unwrapped.substring(PREFIX.length()) : "";
        var segments = List.of(rest.split("\\.", -1));
        if (rest.isEmpty() || segments.stream().anyMatch(s -> !s.matches("[A-Za-z0-9_$-]+"))) {
            throw new IllegalArgumentException("routeSelectionExpression: " + expression
                    + " (expected: $request.body.<path>, for example $request.body.action)");
        }
        return new RouteSelectionExpression(expression, segments);
    }

    /** The route key this message selects, or empty when the message is not a JSON object. */
    public Optional<String> evaluate(String message) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(message);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        for (var segment : path) {
            node = node.path(segment);
        }
        if (node.isMissingNode() || node.isNull()) {
            return Optional.of("");
        }
        return Optional.of(node.isTextual() ? node.asText() : node.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
