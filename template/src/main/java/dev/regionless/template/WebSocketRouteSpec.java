package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * One route of a WebSocket API and the function its {@code AWS_PROXY} integration invokes.
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default}, or a key the route selection expression
 *     selects, such as {@code send}
 * @param functionLogicalId the logical id of the function the integration's {@code IntegrationUri} names
 * @param functionName that function's name
 */
public record WebSocketRouteSpec(String routeKey, String functionLogicalId, String functionName) {

    public WebSocketRouteSpec {
        requireNonNull(routeKey, "routeKey");
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
    }
}
