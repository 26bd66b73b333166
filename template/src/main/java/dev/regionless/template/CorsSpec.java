package dev.regionless.template;

import java.util.List;

/**
 * An API's CORS configuration, with SAM's quoting removed: REST APIs write {@code AllowMethods: "'GET,POST'"}, which
 * becomes {@code [GET, POST]}; HTTP APIs write plain lists. An empty list means the template set nothing: for a REST
 * API without {@code AllowMethods}, SAM answers preflight requests with the methods the requested path declares; for
 * an HTTP API, no header is sent.
 *
 * @param allowOrigins origins, {@code *} for any
 * @param allowMethods methods, or {@code *}
 * @param allowHeaders request headers, or {@code *}
 * @param exposeHeaders response headers exposed to scripts (HTTP APIs only)
 * @param maxAgeSeconds how long a preflight answer may be cached, or {@code null} when not set
 * @param allowCredentials whether credentials are allowed; never together with origin {@code *}
 */
public record CorsSpec(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        Integer maxAgeSeconds,
        boolean allowCredentials) {

    public CorsSpec {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** Any origin, nothing else set: what {@code Cors: "'*'"} and {@code CorsConfiguration: true} mean. */
    public static CorsSpec anyOrigin() {
        return new CorsSpec(List.of("*"), List.of(), List.of(), List.of(), null, false);
    }
}
