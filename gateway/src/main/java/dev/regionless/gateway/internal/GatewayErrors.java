package dev.regionless.gateway.internal;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.auth.Decision;
import dev.regionless.gateway.internal.message.GatewayResponse;

/**
 * The gateway's own answers, byte for byte as API Gateway sends them. REST API bodies come from its default
 * gateway responses ({@code {"message": "Internal server error"}} keeps AWS's space); HTTP API bodies are
 * compact.
 */
public final class GatewayErrors {

    private GatewayErrors() {}

    /** Nothing on the port serves this path: 404, as an HTTP API with no matching stage answers. */
    public static GatewayResponse noApi() {
        return GatewayResponse.json(404, "{\"message\":\"Not Found\"}");
    }

    /** No route fits: REST 403 {@code Missing Authentication Token}; HTTP 404 {@code Not Found}. */
    public static GatewayResponse noRoute(ApiType type) {
        return switch (type) {
            case REST ->
                GatewayResponse.json(403, "{\"message\":\"Missing Authentication Token\"}")
                        .withHeader("x-amzn-ErrorType", "MissingAuthenticationTokenException");
            case HTTP -> noApi();
        };
    }

    /** The function failed or answered a malformed response: REST 502, HTTP 500. */
    public static GatewayResponse integrationError(ApiType type) {
        return switch (type) {
            case REST -> GatewayResponse.json(502, "{\"message\": \"Internal server error\"}");
            case HTTP -> GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}");
        };
    }

    /** The function did not answer within the integration timeout: 504 for REST APIs, 503 for HTTP APIs. */
    public static GatewayResponse timeout(ApiType type) {
        return switch (type) {
            case REST -> GatewayResponse.json(504, "{\"message\": \"Endpoint request timed out\"}");
            // HTTP APIs answer a timed-out integration with 503, as captured from AWS (not the 504 REST uses).
            case HTTP -> GatewayResponse.json(503, "{\"message\":\"Service Unavailable\"}");
        };
    }

    /** Over the throttling limit, or the function was throttled: 429. */
    public static GatewayResponse tooManyRequests() {
        return GatewayResponse.json(429, "{\"message\":\"Too Many Requests\"}");
    }

    /** The body is over the 10 MB payload limit: 413. */
    public static GatewayResponse tooLarge() {
        return GatewayResponse.json(413, "{\"message\":\"Request Entity Too Large\"}");
    }

    /**
     * An authorizer refused the request. REST APIs answer with their default gateway responses (401
     * {@code Unauthorized}, 403 {@code AccessDeniedException} with AWS's capitalised {@code Message}, 500
     * {@code {"message": null}} for an authorizer's failure); HTTP APIs with 401 {@code Unauthorized}, 403
     * {@code Forbidden} or 500, plus a JWT authorizer's {@code www-authenticate} challenge.
     */
    public static GatewayResponse refused(ApiType type, Decision.Refuse refuse) {
        var response = switch (type) {
            case REST -> restRefusal(refuse);
            case HTTP ->
                switch (refuse.refusal()) {
                    case UNAUTHORIZED -> GatewayResponse.json(401, "{\"message\":\"Unauthorized\"}");
                    case EXPLICIT_DENY, IMPLICIT_DENY, INSUFFICIENT_SCOPE ->
                        GatewayResponse.json(403, "{\"message\":\"Forbidden\"}");
                    case ERROR -> GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}");
                };
        };
        return refuse.wwwAuthenticate()
                .map(challenge -> response.withHeader("www-authenticate", challenge))
                .orElse(response);
    }

    private static GatewayResponse restRefusal(Decision.Refuse refuse) {
        return switch (refuse.refusal()) {
            case UNAUTHORIZED ->
                GatewayResponse.json(401, "{\"message\":\"Unauthorized\"}")
                        .withHeader("x-amzn-ErrorType", "UnauthorizedException");
            case EXPLICIT_DENY ->
                GatewayResponse.json(
                                403,
                                "{\"Message\":\"User is not authorized to access this resource with an explicit"
                                        + " deny\"}")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException");
            case IMPLICIT_DENY, INSUFFICIENT_SCOPE ->
                GatewayResponse.json(403, "{\"Message\":\"User is not authorized to access this resource\"}")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException");
            case ERROR ->
                GatewayResponse.json(500, "{\"message\": null}")
                        .withHeader("x-amzn-ErrorType", "AuthorizerConfigurationException");
        };
    }
}
