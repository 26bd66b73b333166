package dev.regionless.gateway.internal.websocket;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One open WebSocket connection. Writes and closes hop onto the connection's event loop, so any thread may call
 * them; its messages run one after another, each starting when the one before it has finished.
 */
public final class Connection {
    private final ConnectionFacts facts;
    private final ServerWebSocket socket;
    private final Context context;
    private final MessageAssembler assembler = MessageAssembler.withAwsLimits();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Instant lastActiveAt;
    private volatile CloseReason serverCloseReason;
    // Only touched on the event loop: the end of the chain of this connection's messages.
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public Connection(ConnectionFacts facts, ServerWebSocket socket, Context context) {
        this.facts = facts;
        this.socket = socket;
        this.context = context;
        this.lastActiveAt = facts.connectedAt();
    }

    public ConnectionFacts facts() {
        return facts;
    }

    public String id() {
        return facts.connectionId();
    }

    /** The assembler of this connection's frames; event loop only. */
    MessageAssembler assembler() {
        return assembler;
    }

    public Instant lastActiveAt() {
        return lastActiveAt;
    }

    /** Records a frame from the client, which resets the idle timeout. */
    void touch(Instant now) {
        lastActiveAt = now;
    }

    /** True once a close has started, from either side. */
    public boolean isClosing() {
        return closing.get() || socket.isClosed();
    }

    /**
     * Runs {@code work} after every message queued before it; event loop only. A failed step does not stop the
     * chain.
     */
    void enqueue(Supplier<CompletableFuture<Void>> work) {
        tail = tail.thenCompose(ignored -> work.get()).exceptionally(error -> null);
    }

    /** Sends data as one message: a text frame when it is UTF-8 text, else a binary frame. */
    public void send(byte[] data) {
        var text = utf8(data);
        context.runOnContext(ignored -> {
            if (text != null) {
                socket.writeTextMessage(text);
            } else {
                socket.writeBinaryMessage(Buffer.buffer(data));
            }
        });
    }

    /** Sends one text message. */
    public void sendText(String text) {
        context.runOnContext(ignored -> socket.writeTextMessage(text));
    }

    /** Whether the client is not reading fast enough for more to be queued. */
    public boolean isBackedUp() {
        return socket.writeQueueFull();
    }

    /** Starts closing from the server side, once; the first reason wins. */
    public void close(CloseReason reason) {
        if (closing.compareAndSet(false, true)) {
            serverCloseReason = reason;
            context.runOnContext(ignored -> socket.close((short) reason.code(), reason.reason()));
        }
    }

    /** Marks the connection closed for good; true only the first time, so {@code $disconnect} runs once. */
    boolean markFinished() {
        closing.set(true);
        return finished.compareAndSet(false, true);
    }

    /** The reason to report once closed: the server's own, else the client's close frame's, else 1005/1006. */
    CloseReason closeReason() {
        var server = serverCloseReason;
        if (server != null) {
            return server;
        }
        Short code = socket.closeStatusCode();
        if (code == null) {
            return CloseReason.clientWithoutStatus();
        }
        var reason = socket.closeReason();
        return new CloseReason(code, reason == null ? "" : reason);
    }

    /** Chains the {@code $disconnect} work after the messages still running; event loop only. */
    void afterMessages(Runnable work) {
        tail = tail.thenRun(work).exceptionally(error -> null);
    }

    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
