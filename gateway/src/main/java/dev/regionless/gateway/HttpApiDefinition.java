package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One deployed API: its routes, the stage it is served under and its CORS, throttling and binary settings.
 *
 * @param apiId the API id, as AWS's ten-character ids ({@code requestContext.apiId})
 * @param name a human name, for logs
 * @param type REST or HTTP
 * @param stage the stage name: the first path segment of every URL of this API ({@code /Prod/hello}), or
 *     {@code "$default"} (HTTP APIs only) to serve the API at the root of the app port
 * @param routes the routes, in any order: the most specific match wins
 * @param cors the CORS configuration, or {@code null} for none
 * @param defaultThrottle the limits of each route that sets none; {@code null} means {@link Throttle#defaults()}
 * @param binaryMediaTypes REST only: content types passed to the function base64-encoded ({@code image/png},
 *     {@code image/*}, {@code *}{@code /*}); HTTP APIs decide by content type themselves
 * @param authorizers the authorizers routes may name; JWT authorizers only on HTTP APIs
 */
public record HttpApiDefinition(
        String apiId,
        String name,
        ApiType type,
        String stage,
        List<RouteDefinition> routes,
        Cors cors,
        Throttle defaultThrottle,
        List<String> binaryMediaTypes,
        List<Authorizer> authorizers) {

    /** The stage name that puts an HTTP API at the root of the app port. */
    public static final String DEFAULT_STAGE = "$default";

    public HttpApiDefinition {
        requireNonNull(apiId, "apiId");
        requireNonNull(type, "type");
        requireNonNull(stage, "stage");
        name = name == null ? apiId : name;
        routes = List.copyOf(requireNonNull(routes, "routes"));
        defaultThrottle = defaultThrottle == null ? Throttle.defaults() : defaultThrottle;
        binaryMediaTypes = binaryMediaTypes == null ? List.of() : List.copyOf(binaryMediaTypes);
        authorizers = authorizers == null ? List.of() : List.copyOf(authorizers);
    }

    /** An API without authorizers. */
    public HttpApiDefinition(
            String apiId,
            String name,
            ApiType type,
            String stage,
            List<RouteDefinition> routes,
            Cors cors,
            Throttle defaultThrottle,
            List<String> binaryMediaTypes) {
        this(apiId, name, type, stage, routes, cors, defaultThrottle, binaryMediaTypes, List.of());
    }

    /** Whether this API is served at the root of the app port rather than under {@code /{stage}}. */
    public boolean servedAtRoot() {
        return DEFAULT_STAGE.equals(stage);
    }
}
