package dev.regionless.gateway.testing;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.Cors;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.RouteDefinition;
import dev.regionless.gateway.Throttle;
import java.util.List;

/** Short ways to write API definitions in tests. */
public final class Apis {

    private Apis() {}

    /** A payload 1.0 route. */
    public static RouteDefinition v1(String routeKey, String functionName) {
        return new RouteDefinition(routeKey, functionName, PayloadFormat.V1, null);
    }

    /** A payload 2.0 route. */
    public static RouteDefinition v2(String routeKey, String functionName) {
        return new RouteDefinition(routeKey, functionName, PayloadFormat.V2, null);
    }

    /** A route with its own throttle. */
    public static RouteDefinition throttled(RouteDefinition route, Throttle throttle) {
        return new RouteDefinition(route.routeKey(), route.functionName(), route.payloadFormat(), throttle);
    }

    /** A REST API {@code restapi01} on this stage. */
    public static HttpApiDefinition rest(String stage, RouteDefinition... routes) {
        return new HttpApiDefinition("restapi01", "Rest", ApiType.REST, stage, List.of(routes), null, null, List.of());
    }

    /** An HTTP API {@code httpapi01} on the {@code $default} stage. */
    public static HttpApiDefinition http(RouteDefinition... routes) {
        return httpOnStage(HttpApiDefinition.DEFAULT_STAGE, routes);
    }

    /** An HTTP API {@code httpapi01} on a named stage. */
    public static HttpApiDefinition httpOnStage(String stage, RouteDefinition... routes) {
        return new HttpApiDefinition("httpapi01", "Http", ApiType.HTTP, stage, List.of(routes), null, null, List.of());
    }

    /** The API with this CORS configuration. */
    public static HttpApiDefinition withCors(HttpApiDefinition api, Cors cors) {
        return new HttpApiDefinition(
                api.apiId(),
                api.name(),
                api.type(),
                api.stage(),
                api.routes(),
                cors,
                api.defaultThrottle(),
                api.binaryMediaTypes());
    }

    /** The API with these binary media types. */
    public static HttpApiDefinition withBinaryTypes(HttpApiDefinition api, String... types) {
        return new HttpApiDefinition(
                api.apiId(),
                api.name(),
                api.type(),
                api.stage(),
                api.routes(),
                api.cors(),
                api.defaultThrottle(),
                List.of(types));
    }

    /** The API with another id. */
    public static HttpApiDefinition withId(HttpApiDefinition api, String apiId) {
        return new HttpApiDefinition(
                apiId,
                api.name(),
                api.type(),
                api.stage(),
                api.routes(),
                api.cors(),
                api.defaultThrottle(),
                api.binaryMediaTypes());
    }
}
