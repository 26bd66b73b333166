package dev.regionless.replication.internal;

import dev.regionless.replication.Peers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking HTTP calls to other regions' service ports, for virtual threads: one call waits for its answer, so a
 * link has one batch in flight. Regions are looked up by name on every call, so a peer that moved is found again.
 */
final class PeerClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Names the sending region on every call, so that a region whose link to it is cut can refuse the call. */
    static final String SOURCE_HEADER = "X-Regionless-Source";

    private final String region;
    private final Peers peers;
    private final LinkCuts cuts;
    private final HttpClientAgent client;

    PeerClient(Vertx vertx, String region, Peers peers, LinkCuts cuts) {
        this.region = region;
        this.peers = peers;
        this.cuts = cuts;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(2000)
                        .setIdleTimeout(30),
                new PoolOptions().setHttp1MaxSize(32));
    }

    /**
     * POSTs {@code body} to {@code path} on the region's service port and answers the response body.
     *
     * @throws PeerUnavailableException when the link to the region is cut, the region is unknown, does not answer in
     *     time, or answers other than 200
     */
    byte[] post(String region, String path, byte[] body) {
        if (cuts.isCut(region)) {
            throw new PeerUnavailableException("the link from " + this.region + " to " + region + " is cut", 0, null);
        }
        var base = peers.serviceUri(region)
                .orElseThrow(() -> new PeerUnavailableException("region " + region + " is not known yet", 0, null));
        var options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(base.resolve(path).toString())
                .putHeader("Content-Type", "application/json")
                .putHeader(SOURCE_HEADER, this.region)
                .setTimeout(TIMEOUT.toMillis());
        Response response;
        try {
            response = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(answer -> answer.body().map(bytes -> new Response(answer.statusCode(), bytes.getBytes())))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while calling " + region, 0, e);
        } catch (ExecutionException | TimeoutException e) {
            peers.unreachable(region);
            var cause = e.getCause() == null ? e : e.getCause();
            throw new PeerUnavailableException("region " + region + " at " + base + " did not answer: " + cause, 0, e);
        }
        if (response.status() != 200) {
            throw new PeerUnavailableException(
                    "region " + region + " answered " + response.status() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8),
                    response.status(),
                    null);
        }
        return response.body();
    }

    private record Response(int status, byte[] body) {}

    @Override
    public void close() {
        client.close();
    }
}
