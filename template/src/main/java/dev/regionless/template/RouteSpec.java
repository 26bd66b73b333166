package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One route of an API and the function it invokes, from an {@code Api} or {@code HttpApi} event.
 *
 * @param method {@code GET}, {@code POST}, ... in upper case, or {@code ANY}
 * @param path {@code /items/{id}}, {@code /{proxy+}}, or {@code $default} for an HTTP API's catch-all route (whose
 *     method is {@code ANY})
 * @param functionLogicalId the logical id of the function that declares the event
 * @param functionName that function's name
 * @param payloadFormatVersion {@code 1.0} (always, for REST APIs) or {@code 2.0}
 * @param authorizer the name of the API's authorizer guarding the route (the event's {@code Auth.Authorizer}, else
 *     the API's {@code DefaultAuthorizer}), or {@code null} when the route is open
 * @param authorizationScopes JWT: the scopes of which a token must hold one; empty for none
 */
public record RouteSpec(
        String method,
        String path,
        String functionLogicalId,
        String functionName,
        String payloadFormatVersion,
        String authorizer,
        List<String> authorizationScopes) {

    public RouteSpec {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(payloadFormatVersion, "payloadFormatVersion");
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    /** An open route. */
    public RouteSpec(
            String method, String path, String functionLogicalId, String functionName, String payloadFormatVersion) {
        this(method, path, functionLogicalId, functionName, payloadFormatVersion, null, List.of());
    }

    /** This route guarded by {@code authorizerName} (or open, for {@code null}), requiring one of {@code scopes}. */
    public RouteSpec withAuthorizer(String authorizerName, List<String> scopes) {
        return new RouteSpec(
                method, path, functionLogicalId, functionName, payloadFormatVersion, authorizerName, scopes);
    }

    /** The API Gateway route key: {@code GET /items/{id}}, or {@code $default} for the catch-all route. */
    public String routeKey() {
        return path.equals("$default") ? path : method + " " + path;
    }
}
