package dev.regionless.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A group of chat clients connected to one region's WebSocket API, all on the benchmark's one client event loop.
 * Every frame a client receives is read for the benchmark's messages, and each one found is handed, with its
 * arrival time, to the group's current {@link ChatDeliveries}.
 */
final class ChatClients implements AutoCloseable {
    /**
     * Handshakes (and closes) in flight at once. Each runs the {@code $connect} (or {@code $disconnect}) function,
     * and the region starts a new execution environment for each one that finds the others busy: a thousand at
     * once would be a thousand cold starts of the AWS SDK on two cores.
     */
    static final int IN_FLIGHT = 4;

    /** How a benchmark message's text starts inside a broadcast frame: {@code "message":"#<sequence number>"}. */
    private static final String MARKER = "\"message\":\"" + ChatTraffic.PREFIX;

    private final String name;
    private final WebSocketClient client;
    private final LongSupplier disconnects;
    private final List<WebSocket> sockets;
    private final AtomicLong lastFrameNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong otherFrames = new AtomicLong();
    private volatile ChatDeliveries deliveries = ChatDeliveries.ignoring();

    private ChatClients(String name, WebSocketClient client, int count, LongSupplier disconnects) {
        this.name = name;
        this.client = client;
        this.disconnects = disconnects;
        this.sockets = new ArrayList<>(count);
    }

    /**
     * Connects {@code count} clients to {@code uri}; fails if any handshake fails or all take over a minute.
     * {@code disconnects} counts the region's finished {@code $disconnect} invocations, which pace {@link #close()}.
     */
    static ChatClients connect(Vertx vertx, String name, URI uri, int count, LongSupplier disconnects)
            throws Exception {
        var client = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxConnections(count).setConnectTimeout(10_000));
        var clients = new ChatClients(name, client, count, disconnects);
        var options = new WebSocketConnectOptions().setAbsoluteURI(uri.toString());
        var started = new AtomicInteger();
        var lanes = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < Math.min(IN_FLIGHT, count); i++) {
            var lane = new CompletableFuture<Void>();
            lanes.add(lane);
            vertx.runOnContext(v -> clients.connectNext(options, started, count, lane));
        }
        try {
            CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    /** One lane of connections: the next handshake starts when the previous one is done. */
    private void connectNext(
            WebSocketConnectOptions options, AtomicInteger started, int count, CompletableFuture<Void> lane) {
        if (started.getAndIncrement() >= count) {
            lane.complete(null);
            return;
        }
        client.connect(options).onComplete(outcome -> {
            if (outcome.failed()) {
                lane.completeExceptionally(outcome.cause());
                return;
            }
            var socket = outcome.result();
            socket.textMessageHandler(this::received);
            synchronized (sockets) {
                sockets.add(socket);
            }
            connectNext(options, started, count, lane);
        });
    }

    private void received(String frame) {
        long now = System.nanoTime();
        lastFrameNanos.set(now);
        if (!frame.startsWith("[")) {
            otherFrames.incrementAndGet();
            return;
        }
        var current = deliveries;
        boolean recorded = false;
        int at = frame.indexOf(MARKER);
        while (at >= 0) {
            int digit = at + MARKER.length();
            int sequence = 0;
            while (digit < frame.length() && Character.isDigit(frame.charAt(digit))) {
                sequence = sequence * 10 + (frame.charAt(digit++) - '0');
            }
            recorded |= current.record(sequence, now);
            at = frame.indexOf(MARKER, digit);
        }
        if (recorded) {
            current.recordFrame();
        }
    }

    /** From now on, deliveries to this group's clients are recorded in {@code next}. */
    void recordInto(ChatDeliveries next) {
        deliveries = next;
    }

    String name() {
        return name;
    }

    int size() {
        synchronized (sockets) {
            return sockets.size();
        }
    }

    /** The first {@code count} clients, which send the benchmark's messages. */
    List<WebSocket> senders(int count) {
        synchronized (sockets) {
            return List.copyOf(sockets.subList(0, Math.min(count, sockets.size())));
        }
    }

    long lastFrameNanos() {
        return lastFrameNanos.get();
    }

    /** Frames that were not a broadcast array (error frames from the {@code send} route). */
    long otherFrames() {
        return otherFrames.get();
    }

    /**
     * Closes every connection, with at most {@value #IN_FLIGHT} {@code $disconnect} invocations unfinished at any
     * time (the server runs them after the close, so the close itself does not wait for them); then the client.
     * Gives up waiting after a minute.
     */
    @Override
    public void close() {
        List<WebSocket> open;
        synchronized (sockets) {
            open = List.copyOf(sockets);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        long before = disconnects.getAsLong();
        for (int i = 0; i < open.size(); i++) {
            while (i - (disconnects.getAsLong() - before) >= IN_FLIGHT && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            open.get(i).close();
        }
        while (disconnects.getAsLong() - before < open.size() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        client.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
    }
}
