package dev.regionless.gateway.internal.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The routes of one API and the choice among them: of the routes whose path and method fit, the most specific
 * (see {@link RouteKey#compareSpecificity}); failing any, the {@code $default} route if there is one.
 *
 * @param <T> what a route leads to
 */
public final class RouteTable<T> {
    private static final List<String> ALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final List<Route<T>> routes;
    private final Route<T> defaultRoute;

    private RouteTable(List<Route<T>> routes, Route<T> defaultRoute) {
        this.routes = routes;
        this.defaultRoute = defaultRoute;
    }

    /**
     * A table of these routes.
     *
     * @throws IllegalArgumentException when a route key appears twice
     */
    public static <T> RouteTable<T> of(List<Route<T>> routes) {
        var seen = new HashSet<String>();
        var regular = new ArrayList<Route<T>>();
        Route<T> catchAll = null;
        for (var route : routes) {
            if (!seen.add(route.key().toString())) {
                throw new IllegalArgumentException(
                        "routeKey: \"" + route.key() + "\" (expected: each route key once per API)");
            }
            if (route.key().isDefault()) {
                catchAll = route;
            } else {
                regular.add(route);
            }
        }
        return new RouteTable<>(List.copyOf(regular), catchAll);
    }

    /** The route for this method and path (without stage), if any. */
    public Optional<RouteMatch<T>> match(String method, RequestPath path) {
        RouteMatch<T> best = null;
        for (var route : routes) {
            if (!route.key().acceptsMethod(method)) {
                continue;
            }
            var params = route.key().match(path);
            if (params.isPresent()
                    && (best == null
                            || route.key().compareSpecificity(best.route().key()) < 0)) {
                best = new RouteMatch<>(route, params.get());
            }
        }
        if (best == null && defaultRoute != null) {
            best = new RouteMatch<>(defaultRoute, Map.of());
        }
        return Optional.ofNullable(best);
    }

    /** Whether some route other than {@code $default} has this path, whatever its method. */
    public boolean hasResource(RequestPath path) {
        return routes.stream().anyMatch(route -> route.key().match(path).isPresent());
    }

    /**
     * The methods routes define on this path, {@code ANY} spelled out, plus OPTIONS: what SAM puts in the
     * {@code Access-Control-Allow-Methods} of a REST API's generated OPTIONS method.
     */
    public List<String> methodsOn(RequestPath path) {
        var methods = new TreeSet<String>();
        methods.add("OPTIONS");
        for (var route : routes) {
            if (route.key().match(path).isPresent()) {
                if (RouteKey.ANY.equals(route.key().method())) {
                    methods.addAll(ALL_METHODS);
                } else {
                    methods.add(route.key().method());
                }
            }
        }
        return List.copyOf(methods);
    }

    /** Whether a route for exactly this method (not ANY) has this path. */
    public boolean hasExplicitMethod(String method, RequestPath path) {
        return routes.stream()
                .anyMatch(route -> method.equals(route.key().method())
                        && route.key().match(path).isPresent());
    }
}
