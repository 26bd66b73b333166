package dev.regionless.router.internal;

import dev.regionless.common.Json;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Requests the HTTP decoder could not read: a request line over the limit (414), headers over it (431), anything
 * else malformed (400), each answered with an API Gateway-style JSON body and the connection closed.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {
    private final String edge;

    public InvalidRequests(String edge) {
        this.edge = edge;
    }

    @Override
    public void handle(HttpServerRequest request) {
        var cause = request.decoderResult().cause();
        int status = 400;
        String message = "Bad Request: the request could not be read";
        if (cause instanceof TooLongFrameException tooLong) {
            boolean line = tooLong.getMessage() != null && tooLong.getMessage().contains("line");
            status = line ? 414 : 431;
            message = line
                    ? "Request-URI Too Long: the request line is over 10240 bytes"
                    : "Request Header Fields Too Large: the headers are over 10240 bytes";
        }
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(Map.of("message", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = new byte[0];
        }
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close")
                .putHeader("X-Regionless-Edge", edge)
                .end(Buffer.buffer(body))
                .onComplete(done -> request.connection().close());
    }
}
