package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One route of an API and the function behind it (a Lambda proxy integration).
 *
 * @param routeKey {@code "METHOD /path"} with {@code {param}} and a trailing greedy {@code {proxy+}} allowed, the
 *     method {@code ANY} matching every method (for example {@code "GET /items/{id}"}, {@code "ANY /{proxy+}"}),
 *     or {@code "$default"}, the HTTP API catch-all
 * @param functionName the function invoked for this route
 * @param payloadFormat the proxy payload version; REST APIs only support {@link PayloadFormat#V1}
 * @param throttle this route's own limits, or {@code null} for the API's default
 * @param authorizer the name of the API's {@link Authorizer} that guards this route, or {@code null} for none
 * @param authorizationScopes JWT authorizers: the scopes of which the token must hold at least one; empty for none
 */
public record RouteDefinition(
        String routeKey,
        String functionName,
        PayloadFormat payloadFormat,
        Throttle throttle,
        String authorizer,
        List<String> authorizationScopes) {

    public RouteDefinition {
        requireNonNull(routeKey, "routeKey");
        requireNonNull(functionName, "functionName");
        requireNonNull(payloadFormat, "payloadFormat");
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    /** A route open to everyone. */
    public RouteDefinition(String routeKey, String functionName, PayloadFormat payloadFormat, Throttle throttle) {
        this(routeKey, functionName, payloadFormat, throttle, null, List.of());
    }

    /** This route guarded by the API's authorizer {@code name}, requiring one of {@code scopes} (JWT). */
    public RouteDefinition withAuthorizer(String name, List<String> scopes) {
        return new RouteDefinition(routeKey, functionName, payloadFormat, throttle, name, scopes);
    }
}
