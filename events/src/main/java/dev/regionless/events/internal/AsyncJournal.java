package dev.regionless.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous invocation queue on disk: an append-only file of JSON lines, each either an event's whole state
 * ({@code put}) or its removal ({@code remove}). Every append is forced to disk before it returns, so an event is
 * acknowledged only once a crash cannot lose it; appends that arrive while a force runs share the next one (group
 * commit), so concurrent callers do not wait for one disk flush each. Reading the file back gives the events still pending; a line torn
 * by a crash mid-append is the last one and is skipped. When removed events outweigh the live ones the file is
 * rewritten (beside the old one, forced, renamed over it) so that it does not grow forever.
 */
public final class AsyncJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncJournal.class);
    private static final int COMPACT_AFTER_LINES = 1_000;

    private final int compactAfterLines;

    private final Path file;
    private final Map<String, AsyncEvent> live = new LinkedHashMap<>();
    private final Object syncLock = new Object();
    private final java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
    private volatile FileChannel channel;
    private volatile boolean closed;
    private int lines;

    /** Guarded by {@code syncLock}: every append up to this number is on disk. */
    private long synced;

    public AsyncJournal(Path file) {
        this(file, COMPACT_AFTER_LINES);
    }

    /** @param compactAfterLines the fewest lines the file has before removed events are compacted away */
    AsyncJournal(Path file, int compactAfterLines) {
        this.compactAfterLines = compactAfterLines;
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
            if (Files.exists(this.file)) {
                replay();
            }
            channel = FileChannel.open(
                    this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the asynchronous invocation queue " + this.file, e);
        }
    }

    /** The events that were pending when the file was opened, oldest first. */
    public synchronized List<AsyncEvent> pending() {
        return new ArrayList<>(live.values());
    }

    /** Records an event's new state; durable when this returns. */
    public void put(AsyncEvent event) {
        var line = Json.mapper().createObjectNode();
        line.set("put", encode(event));
        long number;
        synchronized (this) {
            number = append(line);
            live.put(event.requestId(), event);
        }
        sync(number);
    }

    /** Records that an event is done with; durable when this returns. */
    public void remove(String requestId) {
        var line = Json.mapper().createObjectNode();
        line.put("remove", requestId);
        long number;
        synchronized (this) {
            if (live.remove(requestId) == null) {
                return;
            }
            number = append(line);
            if (lines > compactAfterLines && lines > 4 * live.size()) {
                compact();
            }
        }
        sync(number);
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", file, e.toString());
        }
    }

    /** Writes a line (not yet forced); called holding {@code this}. Answers its number for {@link #sync}. */
    private long append(ObjectNode line) {
        try {
            var bytes = (Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            var buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            lines++;
            return appended.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the asynchronous invocation queue " + file, e);
        }
    }

    /**
     * Returns once append {@code number} is on disk. One caller forces at a time; the others find their append
     * covered by that force, or force once for all that arrived meanwhile. A compaction closes the channel a force
     * may be using; it forced everything itself, so the force is simply tried again on the new channel.
     */
    private void sync(long number) {
        synchronized (syncLock) {
            while (synced < number) {
                // The count first: an append it covers went to this channel, or was forced by a compaction.
                long target = appended.get();
                var current = channel;
                try {
                    current.force(false);
                    synced = Math.max(synced, target);
                } catch (java.nio.channels.ClosedChannelException e) {
                    if (closed) {
                        throw new UncheckedIOException("the asynchronous invocation queue " + file + " is closed", e);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the asynchronous invocation queue " + file, e);
                }
            }
        }
    }

    private void replay() throws IOException {
        dropTornTail();
        var all = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
            var text = all.get(i);
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = Json.mapper().readTree(text);
            } catch (IOException e) {
                // Only the last line can be torn by a crash; it was never acknowledged.
                LOG.warn("{}:{}: skipping a line that is not whole: {}", file, i + 1, e.getMessage());
                continue;
            }
            if (line.has("put")) {
                var event = decode(line.get("put"));
                live.put(event.requestId(), event);
            } else if (line.has("remove")) {
                live.remove(line.get("remove").asText());
            }
            lines++;
        }
    }

    /**
     * Cuts a last line that a crash left without its newline: it was never acknowledged, and the next append must
     * not be glued to it.
     */
    private void dropTornTail() throws IOException {
        var bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            LOG.warn("{}: dropping {} bytes of a line a crash left unfinished", file, bytes.length - end);
            try (var out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                out.truncate(end);
                out.force(true);
            }
        }
    }

    private void compact() {
        var temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (var event : live.values()) {
                var line = Json.mapper().createObjectNode();
                line.set("put", encode(event));
                var buffer = ByteBuffer.wrap(
                        (Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Swapped before the old one is closed: a force still on the old channel fails and is tried again.
            var old = channel;
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            old.close();
            lines = live.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the asynchronous invocation queue " + file, e);
        }
    }

    private static ObjectNode encode(AsyncEvent event) {
        var node = Json.mapper().createObjectNode();
        node.put("requestId", event.requestId());
        node.put("functionName", event.functionName());
        node.put("payload", Base64.getEncoder().encodeToString(event.payload()));
        node.put("enqueuedAt", event.enqueuedAt().toEpochMilli());
        node.put("attempts", event.attempts());
        node.put("functionErrors", event.functionErrors());
        node.put("throttles", event.throttles());
        node.put("nextAttemptAt", event.nextAttemptAt().toEpochMilli());
        if (event.last() != null) {
            var last = node.putObject("last");
            last.put("statusCode", event.last().statusCode());
            if (event.last().functionError() != null) {
                last.put("functionError", event.last().functionError());
            }
            if (event.last().payload() != null) {
                last.put(
                        "payload",
                        Base64.getEncoder().encodeToString(event.last().payload()));
            }
        }
        return node;
    }

    private static AsyncEvent decode(JsonNode node) {
        AsyncEvent.LastResponse last = null;
        if (node.has("last")) {
            var l = node.get("last");
            last = new AsyncEvent.LastResponse(
                    l.get("statusCode").asInt(),
                    l.has("functionError") ? l.get("functionError").asText() : null,
                    l.has("payload")
                            ? Base64.getDecoder().decode(l.get("payload").asText())
                            : null);
        }
        return new AsyncEvent(
                node.get("requestId").asText(),
                node.get("functionName").asText(),
                Base64.getDecoder().decode(node.get("payload").asText()),
                Instant.ofEpochMilli(node.get("enqueuedAt").asLong()),
                node.get("attempts").asInt(),
                node.get("functionErrors").asInt(),
                node.get("throttles").asInt(),
                Instant.ofEpochMilli(node.get("nextAttemptAt").asLong()),
                last);
    }
}
