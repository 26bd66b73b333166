package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}, put together from the template's
 * {@code Route}, {@code Integration} and {@code Stage} resources that name it: each route key with the function its
 * integration invokes.
 *
 * @param logicalId the API's key under {@code Resources}
 * @param apiId the API's id, the same value {@code !Ref} gives: ten lowercase letters and digits, stable per stack and
 *     logical id, the same in every region
 * @param name {@code Name}
 * @param routeSelectionExpression {@code RouteSelectionExpression} as written, such as {@code $request.body.action}
 * @param routeSelectionPath the JSON path it selects, such as {@code [action]}; a message whose body has a string at
 *     that path goes to the route with that key, any other to {@code $default}
 * @param stageName the {@code StageName} of the API's one {@code AWS::ApiGatewayV2::Stage}
 * @param defaultThrottle the stage's {@code DefaultRouteSettings} throttle, or {@code null} for the platform default
 * @param routeThrottles throttles for single routes from the stage's {@code RouteSettings}, keyed by route key; a route
 *     without an entry uses {@code defaultThrottle}
 * @param routes the routes in template order, with unique route keys
 * @param connectAuthorizer the REQUEST authorizer of the {@code $connect} route ({@code AuthorizationType: CUSTOM}),
 *     or {@code null}
 */
public record WebSocketApiSpec(
        String logicalId,
        String apiId,
        String name,
        String routeSelectionExpression,
        List<String> routeSelectionPath,
        String stageName,
        ThrottleSpec defaultThrottle,
        Map<String, ThrottleSpec> routeThrottles,
        List<WebSocketRouteSpec> routes,
        AuthorizerSpec connectAuthorizer) {

    public WebSocketApiSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(apiId, "apiId");
        requireNonNull(name, "name");
        requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        routeSelectionPath = List.copyOf(routeSelectionPath);
        requireNonNull(stageName, "stageName");
        routeThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
        routes = List.copyOf(routes);
    }

    /** An API without an authorizer. */
    public WebSocketApiSpec(
            String logicalId,
            String apiId,
            String name,
            String routeSelectionExpression,
            List<String> routeSelectionPath,
            String stageName,
            ThrottleSpec defaultThrottle,
            Map<String, ThrottleSpec> routeThrottles,
            List<WebSocketRouteSpec> routes) {
        this(
                logicalId,
                apiId,
                name,
                routeSelectionExpression,
                routeSelectionPath,
                stageName,
                defaultThrottle,
                routeThrottles,
                routes,
                null);
    }

    /** The route with {@code routeKey}, such as {@code $connect} or {@code send}, if the API has one. */
    public Optional<WebSocketRouteSpec> route(String routeKey) {
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst();
    }
}
