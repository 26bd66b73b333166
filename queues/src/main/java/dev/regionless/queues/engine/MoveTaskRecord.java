package dev.regionless.queues.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.queues.MoveTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message move task as it runs and as it is stored (JSON, under a key that sorts by start time), so that the
 * task list and a running task's progress outlive a restart. The progress is written in the same atomic batch as
 * the messages it counts, so {@code moved} is exact after a crash. Fields change as the task runs; {@code status}
 * and {@code moved} are read by other threads.
 */
final class MoveTaskRecord {
    final byte[] key;
    final String handle;
    final String sourceArn;
    final String destinationArn;
    final Integer rate;
    final long toMove;
    final long started;
    volatile String status;
    volatile long moved;
    volatile String failure;

    MoveTaskRecord(
            byte[] key,
            String handle,
            String sourceArn,
            String destinationArn,
            Integer rate,
            long toMove,
            long started,
            String status,
            long moved,
            String failure) {
        this.key = key;
        this.handle = handle;
        this.sourceArn = sourceArn;
        this.destinationArn = destinationArn;
        this.rate = rate;
        this.toMove = toMove;
        this.started = started;
        this.status = status;
        this.moved = moved;
        this.failure = failure;
    }

    /** A key that sorts tasks by start time, unique through the store's number. */
    static byte[] key(long started, long number) {
        return ByteBuffer.allocate(16).putLong(started).putLong(number).array();
    }

    boolean isRunning() {
        return status.equals("RUNNING");
    }

    MoveTask view() {
        return new MoveTask(
                isRunning() ? handle : null, status, sourceArn, destinationArn, rate, moved, toMove, failure, started);
    }

    byte[] encode() {
        return encode(moved);
    }

    /** The record with {@code movedNow} as its progress. */
    byte[] encode(long movedNow) {
        var node = Json.mapper()
                .createObjectNode()
                .put("handle", handle)
                .put("source", sourceArn)
                .put("destination", destinationArn)
                .put("rate", rate)
                .put("toMove", toMove)
                .put("started", started)
                .put("status", status)
                .put("moved", movedNow)
                .put("failure", failure);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MoveTaskRecord decode(byte[] key, byte[] value) {
        try {
            var node = Json.mapper().readTree(value);
            return new MoveTaskRecord(
                    key,
                    node.path("handle").asText(),
                    node.path("source").asText(),
                    text(node.path("destination")),
                    node.path("rate").isIntegralNumber() ? node.path("rate").asInt() : null,
                    node.path("toMove").asLong(),
                    node.path("started").asLong(),
                    node.path("status").asText(),
                    node.path("moved").asLong(),
                    text(node.path("failure")));
        } catch (IOException e) {
            throw new UncheckedIOException("a message move task's record cannot be read", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
