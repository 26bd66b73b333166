package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API of the application with the routes that functions' {@code Api} or {@code HttpApi} events bind to it.
 *
 * @param logicalId the resource's key under {@code Resources}, or {@code ServerlessRestApi} / {@code ServerlessHttpApi}
 *     for the implicit APIs SAM creates
 * @param apiId the API's id, the same value {@code !Ref} gives: ten lowercase letters and digits, stable per stack and
 *     logical id, the same in every region
 * @param type REST or HTTP
 * @param stageName the stage; {@code Prod} for the implicit REST API, {@code $default} for HTTP APIs without one
 * @param cors the CORS configuration, or {@code null} when the API has none
 * @param defaultThrottle the stage-wide throttle, or {@code null} for the platform default
 * @param routeThrottles throttles for single routes, keyed by route key such as {@code GET /items/{id}} or
 *     {@code $default}; a route without an entry uses {@code defaultThrottle}
 * @param binaryMediaTypes media types to treat as binary, with SAM's {@code ~1} already decoded to {@code /}; always
 *     empty for HTTP APIs
 * @param routes the routes, in template order
 * @param authorizers the API's authorizers ({@code Auth.Authorizers}), in template order
 */
public record ApiSpec(
        String logicalId,
        String apiId,
        ApiType type,
        String stageName,
        CorsSpec cors,
        ThrottleSpec defaultThrottle,
        Map<String, ThrottleSpec> routeThrottles,
        List<String> binaryMediaTypes,
        List<RouteSpec> routes,
        List<AuthorizerSpec> authorizers) {

    public ApiSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(apiId, "apiId");
        requireNonNull(type, "type");
        requireNonNull(stageName, "stageName");
        routeThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        routes = List.copyOf(routes);
        authorizers = authorizers == null ? List.of() : List.copyOf(authorizers);
    }

    /** An API without authorizers. */
    public ApiSpec(
            String logicalId,
            String apiId,
            ApiType type,
            String stageName,
            CorsSpec cors,
            ThrottleSpec defaultThrottle,
            Map<String, ThrottleSpec> routeThrottles,
            List<String> binaryMediaTypes,
            List<RouteSpec> routes) {
        this(
                logicalId,
                apiId,
                type,
                stageName,
                cors,
                defaultThrottle,
                routeThrottles,
                binaryMediaTypes,
                routes,
                List.of());
    }
}
