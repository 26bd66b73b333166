package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * One route of an API and the function it invokes, from an {@code Api} or {@code HttpApi} event.
 *
 * @param method {@code GET}, {@code POST}, ... in upper case, or {@code ANY}
 * @param path {@code /items/{id}}, {@code /{proxy+}}, or {@code $default} for an HTTP API's catch-all route (whose
 *     method is {@code ANY})
 * @param functionLogicalId the logical id of the function that declares the event
 * @param functionName that function's name
 * @param payloadFormatVersion {@code 1.0} (always, for REST APIs) or {@code 2.0}
 */
public record RouteSpec(
        String method, String path, String functionLogicalId, String functionName, String payloadFormatVersion) {

    public RouteSpec {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(payloadFormatVersion, "payloadFormatVersion");
    }

    /** The API Gateway route key: {@code GET /items/{id}}, or {@code $default} for the catch-all route. */
    public String routeKey() {
        return path.equals("$default") ? path : method + " " + path;
    }
}
