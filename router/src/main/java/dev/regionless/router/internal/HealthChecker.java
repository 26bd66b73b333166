package dev.regionless.router.internal;

import dev.regionless.router.EdgeConfig;
import dev.regionless.router.HealthCheckConfig;
import dev.regionless.router.RegionTarget;
import dev.regionless.router.engine.EdgeRouter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Active HTTP health checks, one independent poller per region, on a fresh connection each time as Route 53's
 * checkers make them. A check is due when the edge's clock has passed the last answer plus the interval, so tests
 * move a mutable clock instead of waiting; a short real-time tick notices it. Each check's TCP handshake time is the
 * edge's round-trip measurement for that region.
 */
public final class HealthChecker implements AutoCloseable {
    private final Vertx vertx;
    private final EdgeConfig config;
    private final EdgeRouter router;
    private final HttpClientAgent client;
    private final Map<String, Poller> pollers = new LinkedHashMap<>();
    private final long timer;
    private volatile boolean closed;

    public HealthChecker(Vertx vertx, EdgeConfig config, EdgeRouter router) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
        int timeout = (int) Math.max(1, config.healthCheck().timeout().toMillis());
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(false).setConnectTimeout(timeout),
                new PoolOptions().setHttp1MaxSize(2));
        var start = config.clock().instant();
        router.targets().forEach(target -> pollers.put(target.name(), new Poller(target, start)));
        var shortest = pollers.values().stream()
                .map(poller -> poller.check.interval())
                .min(Duration::compareTo)
                .orElse(config.healthCheck().interval());
        this.timer = vertx.setPeriodic(tickMillis(shortest), id -> tick());
    }

    /** Often enough to start a check within a tenth of its interval; between 10 and 100 ms. */
    static long tickMillis(Duration interval) {
        return Math.max(10, Math.min(100, interval.toMillis() / 10));
    }

    /** Checks done so far for a region, answered or not. */
    public long checks(String region) {
        return pollers.get(region).completed;
    }

    private void tick() {
        if (closed) {
            return;
        }
        var now = config.clock().instant();
        for (var poller : pollers.values()) {
            if (!poller.inFlight && !now.isBefore(poller.nextAt)) {
                poller.probe();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
        client.close();
    }

    /** One region's checker. Touched only on the tick's event loop. */
    private final class Poller {
        private final RegionTarget target;
        private final HealthCheckConfig check;
        private Instant nextAt;
        private boolean inFlight;
        private volatile long completed;

        Poller(RegionTarget target, Instant firstAt) {
            this.target = target;
            this.check = config.healthCheck(target.name());
            this.nextAt = firstAt;
        }

        void probe() {
            inFlight = true;
            var root = target.root(check.endpoint());
            long started = System.nanoTime();
            var done = new boolean[1];
            var connection = new HttpClientConnection[1];
            long timeoutTimer = vertx.setTimer(check.timeout().toMillis(), id -> {
                if (!done[0]) {
                    done[0] = true;
                    closeQuietly(connection[0]);
                    finish(false, null, "no answer within " + check.timeout().toMillis() + " ms");
                }
            });
            var roundTrip = new Duration[1];
            client.connect(new HttpConnectOptions()
                            .setHost(root.getHost())
                            .setPort(root.getPort())
                            .setConnectTimeout(check.timeout().toMillis()))
                    .compose(opened -> {
                        // The TCP handshake is one round trip of the path itself: the edge's latency measurement,
                        // free of the region's own work (a cold start answering the check, say).
                        roundTrip[0] = Duration.ofNanos(System.nanoTime() - started);
                        connection[0] = opened;
                        return opened.request(new RequestOptions()
                                        .setMethod(HttpMethod.GET)
                                        .setURI(check.path())
                                        .putHeader("Host", root.getHost() + ":" + root.getPort())
                                        .putHeader("User-Agent", "Regionless-Health-Check/" + config.name()))
                                .compose(request -> request.send());
                    })
                    .onComplete(outcome -> {
                        if (done[0]) {
                            closeQuietly(connection[0]);
                            return;
                        }
                        if (outcome.failed()) {
                            done[0] = true;
                            vertx.cancelTimer(timeoutTimer);
                            closeQuietly(connection[0]);
                            finish(false, roundTrip[0], Failures.describe(outcome.cause()));
                            return;
                        }
                        long answeredAfter = (System.nanoTime() - started) / 1_000_000;
                        judge(outcome.result(), roundTrip[0], answeredAfter, () -> {
                            boolean first = !done[0];
                            done[0] = true;
                            vertx.cancelTimer(timeoutTimer);
                            closeQuietly(connection[0]);
                            return first;
                        });
                    });
        }

        private static void closeQuietly(HttpClientConnection connection) {
            if (connection != null) {
                connection.close();
            }
        }

        /** Route 53's rule: 2xx or 3xx, and the search string in the first 5,120 bytes when there is one. */
        private void judge(
                HttpClientResponse response,
                Duration roundTrip,
                long answeredAfterMillis,
                java.util.function.BooleanSupplier claim) {
            int status = response.statusCode();
            boolean statusPasses = status >= 200 && status < 400;
            var wanted = check.searchString();
            var body = Buffer.buffer();
            response.handler(chunk -> {
                if (body.length() < HealthCheckConfig.SEARCHED_BYTES) {
                    body.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(error -> {
                if (claim.getAsBoolean()) {
                    finish(false, roundTrip, status + ", then " + Failures.describe(error));
                }
            });
            response.endHandler(end -> {
                if (!claim.getAsBoolean()) {
                    return;
                }
                var result = status + " in " + answeredAfterMillis + " ms";
                if (wanted == null || !statusPasses) {
                    finish(statusPasses, roundTrip, result);
                    return;
                }
                var searched = body.length() > HealthCheckConfig.SEARCHED_BYTES
                        ? body.getBuffer(0, HealthCheckConfig.SEARCHED_BYTES)
                        : body;
                boolean found = searched.toString(StandardCharsets.UTF_8).contains(wanted);
                finish(found, roundTrip, found ? result : result + ", body lacks \"" + wanted + "\"");
            });
        }

        private void finish(boolean passed, Duration roundTrip, String result) {
            completed++;
            inFlight = false;
            nextAt = config.clock().instant().plus(check.interval());
            if (!closed) {
                // Route 53's Inverted: the region counts as healthy exactly when the check itself fails.
                boolean counted = check.inverted() != passed;
                router.onHealthCheck(
                        target.name(), counted, roundTrip, check.inverted() ? result + " (inverted)" : result);
            }
        }
    }
}
