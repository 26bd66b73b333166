package dev.regionless.router.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.router.EdgeConfig;
import dev.regionless.router.engine.EdgeRouter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The edge's admin port, for the CLI and scripts: {@code GET /admin/edge} (the edge's view of every region, see
 * {@link dev.regionless.router.EdgeStatus}), {@code GET /admin/health}, and {@code PUT /admin/edge/delays/{region}}
 * with {@code {"delayMillis": N}} to change the simulated delay from this edge to a region.
 */
public final class EdgeAdminApi implements Handler<HttpServerRequest> {
    private static final int MAX_BODY = 64 * 1024;
    private static final String DELAYS = "/admin/edge/delays/";

    private final EdgeConfig config;
    private final EdgeRouter router;

    public EdgeAdminApi(EdgeConfig config, EdgeRouter router) {
        this.config = config;
        this.router = router;
    }

    @Override
    public void handle(HttpServerRequest request) {
        var path = request.path();
        if (request.method() == HttpMethod.GET && path.equals("/admin/edge")) {
            json(request, 200, router.status());
        } else if (request.method() == HttpMethod.GET && path.equals("/admin/health")) {
            json(request, 200, Map.of("edge", config.name(), "status", "ok"));
        } else if (request.method() == HttpMethod.PUT && path.startsWith(DELAYS)) {
            var region = URLDecoder.decode(path.substring(DELAYS.length()), StandardCharsets.UTF_8);
            request.body().onComplete(body -> {
                if (body.failed() || body.result().length() > MAX_BODY) {
                    error(request, 400, "ValidationException", "the body must be {\"delayMillis\": N}");
                } else {
                    setDelay(request, region, body.result());
                }
            });
        } else if (path.equals("/admin/edge") || path.equals("/admin/health") || path.startsWith(DELAYS)) {
            error(request, 405, "MethodNotAllowed", request.method() + " " + path + " is not an admin action");
        } else {
            error(request, 404, "NotFound", "no admin resource at " + path);
        }
    }

    private void setDelay(HttpServerRequest request, String region, Buffer body) {
        JsonNode ms;
        try {
            var tree = Json.mapper().readTree(body.getBytes());
            ms = tree == null ? null : tree.get("delayMillis");
        } catch (java.io.IOException e) {
            ms = null;
        }
        if (ms == null || !ms.canConvertToLong() || ms.asLong() < 0 || ms.asLong() > 60_000) {
            error(
                    request,
                    400,
                    "ValidationException",
                    "delayMillis: " + (ms == null ? "missing" : ms.toString())
                            + " (expected: a number of milliseconds, 0..60000)");
            return;
        }
        try {
            router.setDelay(region, Duration.ofMillis(ms.asLong()));
        } catch (IllegalArgumentException e) {
            error(request, 404, "ResourceNotFoundException", e.getMessage());
            return;
        }
        json(request, 200, Map.of("edge", config.name(), "region", region, "delayMillis", ms.asLong()));
    }

    private static void json(HttpServerRequest request, int status, Object value) {
        try {
            request.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(Json.mapper().writeValueAsBytes(value)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }

    private void error(HttpServerRequest request, int status, String type, String message) {
        ProxyErrors.send(request.response(), config.name(), status, type, message);
    }
}
