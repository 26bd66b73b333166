package dev.regionless.router.internal;

import dev.regionless.router.EdgeConfig;
import dev.regionless.router.RegionTarget;
import dev.regionless.router.engine.EdgeRouter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The edge's HTTP reverse proxy: it reads a request (bodies up to API Gateway's 10 MB), asks the router for the
 * regions in order, and forwards to the first, streaming the answer back with the region's own headers
 * ({@code X-Regionless-Region} among them). A request the region cannot have seen (the connection never opened)
 * goes to the next choice whatever its method; an idempotent one (GET, HEAD, OPTIONS, or carrying
 * {@code Idempotency-Key}) is also retried once after a broken connection or a 502/503. Anything else that fails
 * is answered with an API Gateway-style 502, 503 or 504.
 */
public final class HttpProxy implements Handler<HttpServerRequest> {
    /** API Gateway's payload limit. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** A little over API Gateway's 29-30 s integration timeout, so the region's own timeout answers first. */
    static final long UPSTREAM_IDLE_TIMEOUT_MILLIS = 35_000;

    /** Set on answers that waited a simulated round trip, with its length, so clients can see the distance. */
    static final String DELAY_HEADER = "X-Regionless-Edge-Delay-Ms";

    private final Vertx vertx;
    private final EdgeConfig config;
    private final EdgeRouter router;
    private final HttpClientAgent client;
    private final HostNames hosts;

    public HttpProxy(Vertx vertx, EdgeConfig config, EdgeRouter router, HttpClientAgent client) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
        this.client = client;
        this.hosts = new HostNames(config.domain());
    }

    @Override
    public void handle(HttpServerRequest request) {
        var kind = hosts.classify(request.authority());
        if (kind == HostNames.Kind.UNKNOWN) {
            request.resume();
            ProxyErrors.notFound(
                    request.response(), config.name(), request.authority().host());
            return;
        }
        var declared = request.getHeader("Content-Length");
        if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
            ProxyErrors.tooLarge(request.response(), config.name(), MAX_BODY_BYTES);
            return;
        }
        var body = Buffer.buffer();
        var overflow = new boolean[1];
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                overflow[0] = true;
            } else if (!overflow[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (overflow[0]) {
                ProxyErrors.tooLarge(request.response(), config.name(), MAX_BODY_BYTES);
                return;
            }
            var targets = router.route();
            if (targets.isEmpty()) {
                ProxyErrors.unavailable(request.response(), config.name(), "no region serves this edge's policy");
                return;
            }
            forward(request, body, kind == HostNames.Kind.WEBSOCKET, targets, 0);
        });
    }

    private void forward(
            HttpServerRequest request, Buffer body, boolean toWebSocketPort, List<RegionTarget> targets, int attempt) {
        var target = targets.get(attempt);
        var root =
                toWebSocketPort ? URI.create(target.webSocket().toString().replaceFirst("^ws", "http")) : target.http();
        var options = new RequestOptions()
                .setMethod(request.method())
                .setServer(SocketAddress.inetSocketAddress(root.getPort(), root.getHost()))
                .setHost(root.getHost())
                .setPort(root.getPort())
                .setURI(request.uri())
                .setIdleTimeout(UPSTREAM_IDLE_TIMEOUT_MILLIS)
                .setHeaders(ProxyHeaders.forRequest(
                        request.headers(), request.remoteAddress(), request.authority(), false));
        if (request.authority() != null) {
            // The region sees the name the client asked for, as it would behind Route 53.
            options.setHost(request.authority().host());
            options.setPort(request.authority().port() > 0 ? request.authority().port() : root.getPort());
        }
        // The simulated distance to the region: the request waits its round trip before it leaves.
        long delay = router.trafficDelay(target.name()).toMillis();
        Runnable send = () -> client.request(options)
                .compose(upstream -> upstream.send(body))
                .onComplete(outcome -> {
                    if (outcome.succeeded()) {
                        answered(request, body, toWebSocketPort, targets, attempt, outcome.result(), delay);
                    } else {
                        failed(request, body, toWebSocketPort, targets, attempt, outcome.cause());
                    }
                });
        if (delay > 0) {
            vertx.setTimer(delay, id -> send.run());
        } else {
            send.run();
        }
    }

    private void answered(
            HttpServerRequest request,
            Buffer body,
            boolean toWebSocketPort,
            List<RegionTarget> targets,
            int attempt,
            HttpClientResponse response,
            long delayMillis) {
        var region = targets.get(attempt).name();
        int status = response.statusCode();
        router.onAnswer(region, status);
        if ((status == 502 || status == 503) && mayRetry(request, targets, attempt)) {
            response.end(); // drained and dropped: the next choice answers instead
            forward(request, body, toWebSocketPort, targets, attempt + 1);
            return;
        }
        router.onRequestServed(region);
        var out = request.response();
        if (out.closed()) {
            response.end();
            return;
        }
        out.setStatusCode(status);
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        var named = ProxyHeaders.connectionNamed(response.headers());
        for (var header : response.headers()) {
            if (ProxyHeaders.passesBack(header.getKey(), named)) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        out.putHeader("X-Regionless-Edge", config.name());
        if (delayMillis > 0) {
            out.putHeader(DELAY_HEADER, Long.toString(delayMillis));
        }
        var length = response.getHeader("Content-Length");
        if (length != null && request.method() != HttpMethod.HEAD) {
            out.putHeader("Content-Length", length);
        } else if (request.method() != HttpMethod.HEAD && status != 204 && status != 304) {
            out.setChunked(true);
        }
        response.pipeTo(out);
    }

    private void failed(
            HttpServerRequest request,
            Buffer body,
            boolean toWebSocketPort,
            List<RegionTarget> targets,
            int attempt,
            Throwable error) {
        var region = targets.get(attempt).name();
        boolean neverConnected = Failures.neverConnected(error);
        if (Failures.timedOut(error)) {
            ProxyErrors.timedOut(request.response(), config.name(), region);
            return;
        }
        router.onConnectFailure(region, Failures.describe(error));
        if (hasRetry(targets, attempt) && (neverConnected || isIdempotent(request))) {
            forward(request, body, toWebSocketPort, targets, attempt + 1);
            return;
        }
        ProxyErrors.badGateway(
                request.response(),
                config.name(),
                "region " + region + " did not answer (" + Failures.describe(error) + ")");
    }

    private boolean mayRetry(HttpServerRequest request, List<RegionTarget> targets, int attempt) {
        return hasRetry(targets, attempt) && isIdempotent(request);
    }

    /** One retry, on the next choice, when there is one. */
    private boolean hasRetry(List<RegionTarget> targets, int attempt) {
        return config.retries() && attempt == 0 && targets.size() > 1;
    }

    static boolean isIdempotent(HttpServerRequest request) {
        var method = request.method();
        return method == HttpMethod.GET
                || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS
                || request.getHeader("Idempotency-Key") != null;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
