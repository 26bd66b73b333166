package dev.regionless.gateway.internal.routing;

import java.util.Map;

/**
 * The route a request found, with its decoded path parameters.
 *
 * @param route the route
 * @param pathParameters parameter name to decoded value; empty when the route has none
 * @param <T> the route's target type
 */
public record RouteMatch<T>(Route<T> route, Map<String, String> pathParameters) {

    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
