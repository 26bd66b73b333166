package dev.regionless.gateway.internal;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.internal.auth.Guards;
import dev.regionless.gateway.internal.auth.JwksKeys;
import dev.regionless.gateway.internal.cors.CorsPolicy;
import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.routing.RequestPath;
import dev.regionless.gateway.internal.routing.RouteMatch;
import dev.regionless.gateway.internal.routing.StageRouter;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * One deployed set of APIs, immutable: swapped whole on redeploy, so a request in flight finishes on the set it
 * started with. It decides where a request goes, CORS preflight included.
 */
public final class Deployment {
    private final List<HttpApiDefinition> definitions;
    private final StageRouter<CompiledApi> router;

    private Deployment(List<HttpApiDefinition> definitions, List<CompiledApi> apis) {
        this.definitions = List.copyOf(definitions);
        this.router = StageRouter.of(apis, CompiledApi::stage);
    }

    /** Nothing deployed: every request is answered 404. */
    public static Deployment empty() {
        return new Deployment(List.of(), List.of());
    }

    /**
     * Checks and compiles these APIs without a function runtime (Lambda authorizers are refused); throttling
     * buckets start full.
     *
     * @throws IllegalArgumentException naming the API and what is wrong with it
     */
    public static Deployment of(List<HttpApiDefinition> apis, Clock clock) {
        var config = GatewayConfig.defaults("test").withClock(clock);
        return of(apis, config, new Guards(null, new JwksKeys(clock), clock));
    }

    /**
     * Checks and compiles these APIs, their authorizers through {@code guards}; throttling buckets start full.
     *
     * @throws IllegalArgumentException naming the API and what is wrong with it
     */
    public static Deployment of(List<HttpApiDefinition> apis, GatewayConfig config, Guards guards) {
        var ids = new HashSet<String>();
        for (var api : apis) {
            if (!ids.add(api.apiId())) {
                throw new IllegalArgumentException("apiId: " + api.apiId() + " (expected: each API id once)");
            }
        }
        return new Deployment(
                apis,
                apis.stream()
                        .map(api -> CompiledApi.of(api, config.clock(), guards, config.integrationTimeout(api.type())))
                        .toList());
    }

    /** The deployed definitions, in deployment order. */
    public List<HttpApiDefinition> definitions() {
        return definitions;
    }

    /** Where this request goes. */
    Resolution resolve(GatewayRequest request) {
        var candidates = router.candidates(RequestPath.of(request.rawPath()));
        if (candidates.isEmpty()) {
            return new Resolution.NoApi();
        }
        for (var candidate : candidates) {
            var api = candidate.api();
            var path = candidate.pathInStage();
            if (api.type() == ApiType.HTTP && api.cors().isPresent() && CorsPolicy.isPreflight(request)) {
                return new Resolution.Preflight(api, api.cors().get().httpPreflight(request));
            }
            if (isRestPreflight(api, request, path)) {
                var methods = api.routes().methodsOn(path);
                return new Resolution.Preflight(api, api.cors().get().restPreflight(request, methods));
            }
            var match = api.routes().match(request.method(), path);
            if (match.isPresent()) {
                return new Resolution.Found(api, match.get(), path);
            }
        }
        return new Resolution.NoRoute(candidates.get(0).api());
    }

    // SAM gives every path of a REST API with Cors an OPTIONS mock method, unless the app defines OPTIONS itself.
    private static boolean isRestPreflight(CompiledApi api, GatewayRequest request, RequestPath path) {
        return api.type() == ApiType.REST
                && api.cors().isPresent()
                && "OPTIONS".equals(request.method())
                && !api.routes().hasExplicitMethod("OPTIONS", path)
                && api.routes().hasResource(path);
    }

    /** Where a request goes. */
    sealed interface Resolution {
        /** No API serves this path on the port. */
        record NoApi() implements Resolution {}

        /** The API is found but none of its routes fits. */
        record NoRoute(CompiledApi api) implements Resolution {}

        /** A CORS preflight the API answers itself. */
        record Preflight(CompiledApi api, GatewayResponse response) implements Resolution {}

        /** A route fits; {@code pathInStage} is the path without the stage prefix. */
        record Found(CompiledApi api, RouteMatch<RouteTarget> match, RequestPath pathInStage) implements Resolution {}
    }
}
