package dev.regionless.gateway.internal;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.internal.auth.Flavor;
import dev.regionless.gateway.internal.auth.Guard;
import dev.regionless.gateway.internal.auth.Guards;
import dev.regionless.gateway.internal.cors.CorsPolicy;
import dev.regionless.gateway.internal.routing.Route;
import dev.regionless.gateway.internal.routing.RouteKey;
import dev.regionless.gateway.internal.routing.RouteTable;
import dev.regionless.gateway.internal.throttling.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An API ready to serve: its definition checked, route keys parsed into a table, a token bucket per route and
 * its CORS policy.
 *
 * @param definition the API as deployed
 * @param routes the route table
 * @param cors the CORS policy, if configured
 */
record CompiledApi(HttpApiDefinition definition, RouteTable<RouteTarget> routes, Optional<CorsPolicy> cors) {

    /**
     * Checks and compiles one API.
     *
     * @throws IllegalArgumentException naming the API and the problem
     */
    static CompiledApi of(HttpApiDefinition api, Clock clock, Guards guards, Duration authorizerTimeout) {
        checkStage(api);
        var authorizers = guards(api, guards, authorizerTimeout);
        var routes = new ArrayList<Route<RouteTarget>>();
        for (var route : api.routes()) {
            var key = parseKey(api, route.routeKey());
            if (api.type() == ApiType.REST && key.isDefault()) {
                throw invalid(api, "routeKey: \"$default\" (expected: METHOD /path; REST APIs have no $default route)");
            }
            if (api.type() == ApiType.REST && route.payloadFormat() != PayloadFormat.V1) {
                throw invalid(
                        api,
                        "payloadFormat of " + key + ": " + route.payloadFormat()
                                + " (expected: V1; REST APIs only send payload 1.0)");
            }
            var throttle = route.throttle() != null ? route.throttle() : api.defaultThrottle();
            var guard = Optional.ofNullable(route.authorizer()).map(name -> {
                var found = authorizers.get(name);
                if (found == null) {
                    throw invalid(
                            api,
                            "authorizer of " + key + ": " + name + " (expected: one of the API's authorizers "
                                    + authorizers.keySet() + ")");
                }
                return found;
            });
            routes.add(new Route<>(key, new RouteTarget(route, new TokenBucket(throttle, clock), guard)));
        }
        try {
            return new CompiledApi(
                    api, RouteTable.of(routes), Optional.ofNullable(api.cors()).map(CorsPolicy::new));
        } catch (IllegalArgumentException e) {
            throw invalid(api, e.getMessage());
        }
    }

    private static Map<String, Guard> guards(HttpApiDefinition api, Guards guards, Duration timeout) {
        var flavor = api.type() == ApiType.REST ? Flavor.REST : Flavor.HTTP;
        var compiled = new LinkedHashMap<String, Guard>();
        for (var authorizer : api.authorizers()) {
            try {
                if (compiled.put(authorizer.name(), guards.compile(authorizer, flavor, timeout)) != null) {
                    throw new IllegalArgumentException(
                            "authorizer name: " + authorizer.name() + " (expected: each name once)");
                }
            } catch (IllegalArgumentException e) {
                throw invalid(api, e.getMessage());
            }
        }
        return compiled;
    }

    String stage() {
        return definition.stage();
    }

    ApiType type() {
        return definition.type();
    }

    private static RouteKey parseKey(HttpApiDefinition api, String routeKey) {
        try {
            return RouteKey.parse(routeKey);
        } catch (IllegalArgumentException e) {
            throw invalid(api, e.getMessage());
        }
    }

    private static void checkStage(HttpApiDefinition api) {
        var stage = api.stage();
        if (api.servedAtRoot() && api.type() == ApiType.REST) {
            throw invalid(api, "stage: \"$default\" (expected: a stage name; REST APIs are served under /{stage})");
        }
        if (stage.isEmpty() || stage.contains("/")) {
            throw invalid(api, "stage: \"" + stage + "\" (expected: a name without '/', or \"$default\")");
        }
    }

    private static IllegalArgumentException invalid(HttpApiDefinition api, String problem) {
        return new IllegalArgumentException("API " + api.apiId() + " (" + api.name() + "): " + problem);
    }
}
