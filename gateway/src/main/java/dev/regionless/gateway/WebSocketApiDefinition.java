package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployed WebSocket API: the stage it is served under, how a message picks its route, and the function behind
 * each route (Lambda proxy integrations, without route responses).
 *
 * @param apiId the API id ({@code requestContext.apiId})
 * @param name a human name, for logs; the id when {@code null}
 * @param stage the stage name, which is the whole path of the API's URL ({@code ws://host:port/{stage}}); letters,
 *     digits, '-' and '_'
 * @param routeSelectionExpression how a message's route key is found: {@code $request.body.action}, or any other
 *     {@code $request.body.<path>} ({@code ${request.body.action}} is read the same way)
 * @param routes route key to function name: {@code $connect}, {@code $disconnect}, {@code $default} and custom keys;
 *     kept in the given order
 * @param connectAuthorizer a REQUEST Lambda authorizer run before {@code $connect}, or {@code null}: a refusal fails
 *     the handshake (401, 403 or 500), an allowing answer's context reaches every event of the connection
 */
public record WebSocketApiDefinition(
        String apiId,
        String name,
        String stage,
        String routeSelectionExpression,
        Map<String, String> routes,
        LambdaAuthorizer connectAuthorizer) {

    /** The route invoked during the handshake; a non-2xx answer refuses the connection. */
    public static final String CONNECT = "$connect";

    /** The route invoked, best effort, once a connection has closed. */
    public static final String DISCONNECT = "$disconnect";

    /** The route of messages that are not JSON or whose route key matches no custom route. */
    public static final String DEFAULT = "$default";

    /** The expression almost every API uses. */
    public static final String ACTION = "$request.body.action";

    public WebSocketApiDefinition {
        requireNonNull(apiId, "apiId");
        requireNonNull(stage, "stage");
        requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        name = name == null ? apiId : name;
        if (!stage.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("stage: " + stage + " (expected: 1..128 letters, digits, '-' or '_')");
        }
        var copy = new LinkedHashMap<String, String>();
        requireNonNull(routes, "routes").forEach((key, function) -> {
            requireNonNull(key, "route key");
            requireNonNull(function, "function of route " + key);
            if (key.isEmpty() || (key.startsWith("$") && !isPredefined(key))) {
                throw new IllegalArgumentException("route key: " + key
                        + " (expected: $connect, $disconnect, $default or a custom key not starting with '$')");
            }
            copy.put(key, function);
        });
        routes = java.util.Collections.unmodifiableMap(copy);
        if (connectAuthorizer != null && connectAuthorizer.type() != LambdaAuthorizer.Type.REQUEST) {
            throw new IllegalArgumentException("connectAuthorizer " + connectAuthorizer.name() + ": "
                    + connectAuthorizer.type() + " (expected: REQUEST, the only type WebSocket APIs support)");
        }
    }

    /** An API without an authorizer. */
    public WebSocketApiDefinition(
            String apiId, String name, String stage, String routeSelectionExpression, Map<String, String> routes) {
        this(apiId, name, stage, routeSelectionExpression, routes, null);
    }

    /** This API with {@code authorizer} guarding {@code $connect}. */
    public WebSocketApiDefinition withConnectAuthorizer(LambdaAuthorizer authorizer) {
        return new WebSocketApiDefinition(apiId, name, stage, routeSelectionExpression, routes, authorizer);
    }

    /** An API selecting routes by {@code $request.body.action}. */
    public static WebSocketApiDefinition of(String apiId, String stage, Map<String, String> routes) {
        return new WebSocketApiDefinition(apiId, apiId, stage, ACTION, routes);
    }

    private static boolean isPredefined(String key) {
        return key.equals(CONNECT) || key.equals(DISCONNECT) || key.equals(DEFAULT);
    }
}
