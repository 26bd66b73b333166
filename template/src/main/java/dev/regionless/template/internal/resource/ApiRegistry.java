package dev.regionless.template.internal.resource;

import dev.regionless.template.ApiSpec;
import dev.regionless.template.RouteSpec;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the APIs of a template and the routes events bind to them, in any order, and builds the {@link ApiSpec}s
 * once every resource has been read: an API's throttles can name its routes, so they are read last.
 */
final class ApiRegistry {

    /**
     * A route as an event declared it.
     *
     * @param settings the event's {@code RouteSettings}, for HTTP APIs
     * @param auth the event's {@code Auth}
     */
    record Route(RouteSpec spec, Location location, Optional<Mapping> settings, EventAuth auth) {}

    private final Map<String, ResourceEntry> declared = new LinkedHashMap<>();
    private final Map<String, Location> implicit = new LinkedHashMap<>();
    private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

    void declare(ResourceEntry api) {
        declared.put(api.logicalId(), api);
    }

    void bind(String apiLogicalId, Route route) {
        var byKey = routes.computeIfAbsent(apiLogicalId, id -> new LinkedHashMap<>());
        var key = route.spec().routeKey();
        var previous = byKey.putIfAbsent(key, route);
        if (previous != null) {
            throw route.location()
                    .error("route " + key + " of " + apiLogicalId + " is already bound to "
                            + previous.spec().functionLogicalId() + " (expected: one function per route)");
        }
    }

    void bindImplicit(String implicitApi, Route route) {
        implicit.putIfAbsent(implicitApi, route.location());
        bind(implicitApi, route);
    }

    List<ApiSpec> build(ReadContext context) {
        var apis = new ArrayList<ApiSpec>();
        declared.values().forEach(api -> apis.add(spec(api, false, context)));
        implicit.forEach((logicalId, firstUse) -> {
            if (context.directory().entry(logicalId).isPresent()) {
                throw firstUse.error("this event needs SAM's implicit API " + logicalId
                        + ", but Resources declares that name (expected: a RestApiId/ApiId, or another logical id)");
            }
            var api = implicitEntry(logicalId, context.directory().globals(), firstUse);
            var rules = logicalId.equals(ResourceDirectory.IMPLICIT_REST_API)
                    ? SamProperties.REST_API
                    : SamProperties.HTTP_API;
            rules.check(api.properties(), context);
            apis.add(spec(api, true, context));
        });
        return apis;
    }

    /** SAM's implicit API {@code logicalId}, as configured by Globals, first used by the event at {@code firstUse}. */
    static ResourceEntry implicitEntry(String logicalId, Globals globals, Location firstUse) {
        var rest = logicalId.equals(ResourceDirectory.IMPLICIT_REST_API);
        var properties = globals.merge(rest ? "Api" : "HttpApi", Mapping.empty(firstUse), Optional.empty());
        var type = rest ? RestApiKind.TYPE : HttpApiKind.TYPE;
        return new ResourceEntry(logicalId, type, properties, Optional.empty(), Mapping.empty(firstUse));
    }

    private ApiSpec spec(ResourceEntry api, boolean isImplicit, ReadContext context) {
        var bound = List.copyOf(routes.getOrDefault(api.logicalId(), Map.of()).values());
        if (bound.isEmpty()) {
            context.warn(api.location(), "has no routes (no function has an event on this API)");
        }
        return api.type().equals(RestApiKind.TYPE)
                ? RestApiReader.read(api, isImplicit, bound, context)
                : HttpApiReader.read(api, isImplicit, bound, context);
    }
}
