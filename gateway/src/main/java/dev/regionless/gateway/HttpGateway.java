package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.Functions;
import dev.regionless.gateway.internal.Deployment;
import dev.regionless.gateway.internal.GatewayPipeline;
import dev.regionless.gateway.internal.Integration;
import dev.regionless.gateway.internal.RequestIds;
import dev.regionless.gateway.internal.auth.Guards;
import dev.regionless.gateway.internal.auth.JwksKeys;
import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.message.Header;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app port's request handler: Amazon API Gateway for the APIs deployed here. Mount it on a Vert.x HTTP
 * server ({@code vertx.createHttpServer().requestHandler(gateway)}); it reads each request's body (up to 10 MB,
 * else 413), runs the request on a virtual thread (route, throttle, build the Lambda proxy event, invoke the
 * function within the integration timeout, map its answer) and writes the response back on the request's
 * event loop. Every response carries {@code X-Regionless-Region}.
 *
 * <p>{@link #deploy} swaps the whole set of APIs at once; requests already running finish on the set they
 * started with.
 */
public final class HttpGateway implements Handler<HttpServerRequest> {
    /** API Gateway's payload limit: 10 MB. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final GatewayConfig config;
    private final GatewayPipeline pipeline;
    private final Guards guards;
    private volatile Deployment deployment = Deployment.empty();

    public HttpGateway(GatewayConfig config, Functions functions) {
        this.config = requireNonNull(config, "config");
        this.guards = new Guards(
                new Integration(requireNonNull(functions, "functions")), new JwksKeys(config.clock()), config.clock());
        this.pipeline = new GatewayPipeline(
                config,
                requireNonNull(functions, "functions"),
                new RequestIds(ThreadLocalRandom::current),
                () -> deployment);
    }

    /**
     * Replaces the deployed APIs with these, atomically.
     *
     * @throws IllegalArgumentException naming the API and the problem (a bad route key, a REST API on the
     *     {@code $default} stage, a duplicate route, a route naming an authorizer the API lacks); nothing changes then
     */
    public void deploy(List<HttpApiDefinition> apis) {
        deployment = Deployment.of(List.copyOf(requireNonNull(apis, "apis")), config, guards);
    }

    /** The APIs deployed now, in deployment order. */
    public List<HttpApiDefinition> apis() {
        return deployment.definitions();
    }

    /** The URL path prefix of an API on the app port: {@code /Prod} for stage Prod, "" for {@code $default}. */
    public String stagePath(HttpApiDefinition api) {
        return api.servedAtRoot() ? "" : "/" + api.stage();
    }

    @Override
    public void handle(HttpServerRequest request) {
        var context = Vertx.currentContext();
        var body = Buffer.buffer();
        var tooLarge = new boolean[1];
        request.handler(chunk -> {
            // Past the limit the rest is read and dropped, so the client can still read the 413.
            if (!tooLarge[0] && body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooLarge[0] = true;
            }
            if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(
                error -> LOG.debug("Request {} {} failed: {}", request.method(), request.path(), error.toString()));
        request.endHandler(end -> {
            if (tooLarge[0]) {
                write(request, pipeline.payloadTooLarge());
                return;
            }
            var gatewayRequest = toGatewayRequest(request, body.getBytes());
            pipeline.handleSafely(gatewayRequest).thenAccept(response -> {
                if (context == null || Vertx.currentContext() == context) {
                    write(request, response);
                } else {
                    context.runOnContext(ignored -> write(request, response));
                }
            });
        });
    }

    private static GatewayRequest toGatewayRequest(HttpServerRequest request, byte[] body) {
        var headers = new ArrayList<Header>();
        for (Map.Entry<String, String> entry : request.headers()) {
            headers.add(new Header(entry.getKey(), entry.getValue()));
        }
        if (headers.stream().noneMatch(h -> h.named("Host")) && request.authority() != null) {
            headers.add(0, new Header("Host", request.authority().toString()));
        }
        var remote = request.remoteAddress();
        return new GatewayRequest(
                request.method().name(),
                request.path(),
                request.query(),
                headers,
                body,
                remote == null ? "" : remote.hostAddress(),
                protocol(request));
    }

    private static String protocol(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_2 -> "HTTP/2.0";
            default -> "HTTP/1.1";
        };
    }

    private void write(HttpServerRequest request, GatewayResponse response) {
        var out = request.response();
        if (out.closed() || out.ended()) {
            return;
        }
        try {
            out.setStatusCode(response.status());
            response.headers().forEach(h -> out.headers().add(h.name(), h.value()));
            out.end(Buffer.buffer(response.body()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A function may set a header Netty refuses (a newline in a value, say): answer as for a bad response.
            LOG.warn("Response for {} {} could not be written: {}", request.method(), request.path(), e.toString());
            if (!out.headWritten()) {
                out.headers().clear();
                var fallback = pipeline.unwritableResponse();
                out.setStatusCode(fallback.status());
                fallback.headers().forEach(h -> out.headers().add(h.name(), h.value()));
                out.end(Buffer.buffer(fallback.body()));
            }
        }
    }
}
