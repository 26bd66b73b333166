package dev.regionless.template.internal.resource;

import dev.regionless.template.ApiSpec;
import dev.regionless.template.ApiType;
import dev.regionless.template.ThrottleSpec;
import dev.regionless.template.internal.intrinsic.StableIds;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an HTTP API's {@link ApiSpec}: {@code StageName} (default {@code $default}), {@code CorsConfiguration},
 * {@code DefaultRouteSettings}, and {@code RouteSettings} from the API and from its events, the event's winning.
 */
final class HttpApiReader {

    private HttpApiReader() {}

    static ApiSpec read(ResourceEntry api, boolean isImplicit, List<ApiRegistry.Route> routes, ReadContext context) {
        var properties = new Properties(api.properties(), context.resolver());
        var auth = AuthReader.http(properties, api.logicalId(), context);
        var specs = routes.stream()
                .map(route -> route.auth().apply(route.spec(), auth))
                .toList();
        var stageName =
                properties.get("StageName").map(HttpApiReader::stageName).orElse("$default");
        var cors = properties.get("CorsConfiguration").flatMap(CorsReader::http).orElse(null);
        var defaultThrottle = properties
                .mapping("DefaultRouteSettings")
                .flatMap(settings -> throttle(settings, null, context))
                .orElse(null);
        var routeThrottles = new LinkedHashMap<String, ThrottleSpec>();
        properties
                .mapping("RouteSettings")
                .ifPresent(settings ->
                        routeThrottles.putAll(apiRouteThrottles(settings, routes, defaultThrottle, context)));
        for (var route : routes) {
            route.settings()
                    .flatMap(settings -> throttle(settings, defaultThrottle, context))
                    .ifPresent(throttle -> routeThrottles.put(route.spec().routeKey(), throttle));
        }
        return new ApiSpec(
                api.logicalId(),
                StableIds.apiId(context.resolver().context().stackName(), api.logicalId()),
                ApiType.HTTP,
                stageName,
                cors,
                defaultThrottle,
                routeThrottles,
                List.of(),
                specs,
                auth.list());
    }

    private static String stageName(Node node) {
        var name = Values.string(node);
        return name.equals("$default") ? name : RestApiReader.stageName(node);
    }

    private static Map<String, ThrottleSpec> apiRouteThrottles(
            Mapping settings, List<ApiRegistry.Route> routes, ThrottleSpec defaultThrottle, ReadContext context) {
        var keys = routes.stream().map(route -> route.spec().routeKey()).toList();
        var throttles = new LinkedHashMap<String, ThrottleSpec>();
        settings.entries().forEach((routeKey, value) -> {
            if (!keys.contains(routeKey)) {
                throw value.location()
                        .error("route key " + routeKey + " matches no route of this API (expected: one of "
                                + String.join(", ", keys) + ")");
            }
            throttle(Values.mapping(value), defaultThrottle, context)
                    .ifPresent(throttle -> throttles.put(routeKey, throttle));
        });
        return throttles;
    }

    private static Optional<ThrottleSpec> throttle(Mapping settings, ThrottleSpec fallback, ReadContext context) {
        SamProperties.ROUTE_SETTINGS.check(settings, context);
        return Throttles.read(settings, Throttles.orDefault(fallback));
    }
}
