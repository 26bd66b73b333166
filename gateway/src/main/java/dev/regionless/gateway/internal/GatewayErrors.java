package dev.regionless.gateway.internal;

import dev.regionless.gateway.ApiType;
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
}
