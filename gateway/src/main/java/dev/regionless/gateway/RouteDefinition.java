package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

/**
 * One route of an API and the function behind it (a Lambda proxy integration).
 *
 * @param routeKey {@code "METHOD /path"} with {@code {param}} and a trailing greedy {@code {proxy+}} allowed, the
 *     method {@code ANY} matching every method (for example {@code "GET /items/{id}"}, {@code "ANY /{proxy+}"}),
 *     or {@code "$default"}, the HTTP API catch-all
 * @param functionName the function invoked for this route
 * @param payloadFormat the proxy payload version; REST APIs only support {@link PayloadFormat#V1}
 * @param throttle this route's own limits, or {@code null} for the API's default
 */
public record RouteDefinition(String routeKey, String functionName, PayloadFormat payloadFormat, Throttle throttle) {

    public RouteDefinition {
        requireNonNull(routeKey, "routeKey");
        requireNonNull(functionName, "functionName");
        requireNonNull(payloadFormat, "payloadFormat");
    }
}
