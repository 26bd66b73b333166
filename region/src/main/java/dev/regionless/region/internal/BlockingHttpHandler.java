package dev.regionless.region.internal;

import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a blocking {@code ServiceRequest -> ServiceResponse} function to Vert.x: the body is read on the event
 * loop (up to a limit, else 413), the function runs on a virtual thread, and the response is written back on the
 * request's own context. Every response names the region that served it.
 */
public final class BlockingHttpHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingHttpHandler.class);
    private static final Executor VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private final Vertx vertx;
    private final String region;
    private final long maxBodyBytes;
    private final Function<ServiceRequest, ServiceResponse> service;

    public BlockingHttpHandler(
            Vertx vertx, String region, long maxBodyBytes, Function<ServiceRequest, ServiceResponse> service) {
        this.vertx = vertx;
        this.region = region;
        this.maxBodyBytes = maxBodyBytes;
        this.service = service;
    }

    @Override
    public void handle(HttpServerRequest request) {
        var context = vertx.getOrCreateContext();
        var declared = request.getHeader("Content-Length");
        if (declared != null && parseLength(declared) > maxBodyBytes) {
            respond(request, tooLarge());
            return;
        }
        var body = Buffer.buffer();
        var overflow = new boolean[1];
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBodyBytes) {
                overflow[0] = true;
            } else if (!overflow[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (overflow[0]) {
                respond(request, tooLarge());
                return;
            }
            var serviceRequest = toServiceRequest(request, body.getBytes());
            VIRTUAL_THREADS.execute(() -> {
                var response = callSafely(serviceRequest);
                context.runOnContext(v -> respond(request, response));
            });
        });
    }

    private ServiceResponse callSafely(ServiceRequest request) {
        try {
            return service.apply(request);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed in region {}", request.method(), request.path(), region, e);
            return ServiceResponse.json(500, Map.of("message", "Internal failure", "__type", "InternalFailure"));
        }
    }

    private void respond(HttpServerRequest request, ServiceResponse response) {
        var out = request.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.putHeader("X-Regionless-Region", region);
        out.end(Buffer.buffer(response.body()));
    }

    private static ServiceRequest toServiceRequest(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers()
                .forEach(entry -> headers.computeIfAbsent(
                                entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(entry.getValue()));
        return new ServiceRequest(request.method().name(), request.path(), request.query(), headers, body);
    }

    private static ServiceResponse tooLarge() {
        return ServiceResponse.json(413, Map.of("message", "Request Entity Too Large"))
                .withHeader("x-amzn-ErrorType", "RequestEntityTooLargeException");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
