package dev.regionless.router.internal;

import dev.regionless.common.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * The edge's own answers, shaped as API Gateway's: a JSON body with a {@code message}, the error type in
 * {@code x-amzn-ErrorType}, and the edge's name, never a stack trace.
 */
final class ProxyErrors {
    private ProxyErrors() {}

    static void send(HttpServerResponse response, String edge, int status, String type, String message) {
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(Map.of("message", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = "{\"message\":\"Internal server error\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-ErrorType", type)
                .putHeader("X-Regionless-Edge", edge)
                .end(Buffer.buffer(body));
    }

    static void notFound(HttpServerResponse response, String edge, String host) {
        send(response, edge, 404, "NotFoundException", "Not Found: this edge serves no application at host " + host);
    }

    static void badGateway(HttpServerResponse response, String edge, String detail) {
        send(response, edge, 502, "BadGatewayException", "Bad Gateway: " + detail);
    }

    static void unavailable(HttpServerResponse response, String edge, String detail) {
        send(response, edge, 503, "ServiceUnavailableException", "Service Unavailable: " + detail);
    }

    static void timedOut(HttpServerResponse response, String edge, String region) {
        send(response, edge, 504, "GatewayTimeoutException", "Endpoint request timed out (region " + region + ")");
    }

    static void tooLarge(HttpServerResponse response, String edge, long limit) {
        send(
                response,
                edge,
                413,
                "RequestEntityTooLargeException",
                "Request Entity Too Large: the body is over " + limit + " bytes");
    }
}
