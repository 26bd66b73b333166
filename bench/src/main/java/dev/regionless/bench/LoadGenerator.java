package dev.regionless.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code concurrency} clients, each sending its next GET as soon as the previous
 * answer arrives, over kept-alive connections, for a fixed time. Bounded in time; stops by itself.
 */
final class LoadGenerator {
    record Result(Latencies latencies, double requestsPerSecond, long errors) {}

    private LoadGenerator() {}

    static Result run(Vertx vertx, URI target, int concurrency, Duration duration) throws Exception {
        var client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
        var latencies = new Latencies();
        var errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        var done = new CompletableFuture<?>[concurrency];
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            var finished = new CompletableFuture<Void>();
            done[i] = finished;
            vertx.runOnContext(v -> loop(client, target, end, latencies, errors, finished));
        }
        CompletableFuture.allOf(done).get();
        double seconds = (System.nanoTime() - start) / 1e9;
        client.close().toCompletionStage().toCompletableFuture().get();
        return new Result(latencies, latencies.count() / seconds, errors.get());
    }

    private static void loop(
            HttpClientAgent client,
            URI target,
            long end,
            Latencies latencies,
            AtomicLong errors,
            CompletableFuture<Void> finished) {
        if (System.nanoTime() >= end) {
            finished.complete(null);
            return;
        }
        long sent = System.nanoTime();
        var options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        client.request(options)
                .compose(request ->
                        request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(outcome -> {
                    if (outcome.succeeded() && outcome.result() == 200) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        errors.incrementAndGet();
                    }
                    loop(client, target, end, latencies, errors, finished);
                });
    }
}
