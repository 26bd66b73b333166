package dev.regionless.gateway.internal.websocket;

import dev.regionless.common.ErrorRendering;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.gateway.WebSocketErrors;
import dev.regionless.gateway.WebSocketLimits;
import dev.regionless.gateway.protocol.ConnectionsApi;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP requests on the WebSocket port: {@code @connections} calls, served where AWS serves them, on the API's
 * own domain, so {@code "http://" + domainName + "/" + stage} from an event reaches them. Anything else is 403
 * {@code Forbidden}.
 */
public final class ManagementRequests implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementRequests.class);
    private static final Executor VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();
    // Bodies are read up to here so that a too-large POST gets PayloadTooLargeException, not a reset connection.
    private static final int READ_LIMIT = 4 * WebSocketLimits.MAX_MESSAGE_BYTES;

    private final ConnectionsApi api;

    public ManagementRequests(ConnectionsApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpServerRequest request) {
        var context = Vertx.currentContext();
        var body = Buffer.buffer();
        var size = new int[1];
        request.handler(chunk -> {
            size[0] += chunk.length();
            if (size[0] <= READ_LIMIT) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(error -> LOG.debug("@connections request failed: {}", error.toString()));
        request.endHandler(end -> {
            if (size[0] > READ_LIMIT) {
                write(request, ErrorRendering.restJson(WebSocketErrors.payloadTooLarge(size[0])));
                return;
            }
            var serviceRequest = toServiceRequest(request, body.getBytes());
            VIRTUAL_THREADS.execute(() -> {
                var response = ConnectionsApi.accepts(serviceRequest)
                        ? api.handle(serviceRequest)
                        : ErrorRendering.restJson(WebSocketErrors.forbidden());
                context.runOnContext(ignored -> write(request, response));
            });
        });
    }

    private static ServiceRequest toServiceRequest(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers()
                .forEach(entry -> headers.computeIfAbsent(
                                entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(entry.getValue()));
        return new ServiceRequest(request.method().name(), request.path(), request.query(), headers, body);
    }

    private static void write(HttpServerRequest request, ServiceResponse response) {
        var out = request.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }
}
