package dev.regionless.gateway;

import java.util.List;

/**
 * The CORS configuration of an API, in API Gateway's terms ({@code CorsConfiguration} of HTTP APIs, SAM's
 * {@code Cors} of REST APIs). An HTTP API answers preflight requests itself and adds the allow headers to every
 * response for an allowed origin; a REST API only answers preflight requests (SAM's OPTIONS mock methods) and
 * leaves the headers of proxied responses to the function, as on AWS.
 *
 * @param allowOrigins allowed origins: exact ({@code https://example.com}), {@code *}, or a scheme wildcard
 *     ({@code https://*})
 * @param allowMethods allowed methods, or {@code *}
 * @param allowHeaders allowed request headers, or {@code *}
 * @param exposeHeaders response headers the browser may read, or {@code *}
 * @param maxAgeSeconds how long a browser may cache a preflight answer; {@code null} sends no {@code Max-Age}
 * @param allowCredentials whether to send {@code Access-Control-Allow-Credentials: true}
 */
public record Cors(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        Integer maxAgeSeconds,
        boolean allowCredentials) {

    public Cors {
        allowOrigins = allowOrigins == null ? List.of() : List.copyOf(allowOrigins);
        allowMethods = allowMethods == null ? List.of() : List.copyOf(allowMethods);
        allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
        if (maxAgeSeconds != null && maxAgeSeconds < -1) {
            throw new IllegalArgumentException("maxAgeSeconds: " + maxAgeSeconds + " (expected: -1 or more)");
        }
    }
}
