package dev.regionless.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's chat messages: each one's text is {@code #<sequence number>}, unique in the run, and its send
 * time is kept by number. Messages are sent open loop, on a fixed schedule that does not wait for deliveries; a
 * message's send time is its scheduled time, so a late sender counts against the latency, not in its favour.
 */
final class ChatTraffic {
    static final String PREFIX = "#";

    /** More messages than the longest run sends (the ramp's fastest step included). */
    static final int CAPACITY = 100_000;

    private final Vertx vertx;
    private final AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);
    private int next;

    ChatTraffic(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Numbers for {@code count} new messages, which are not sent yet. */
    Range reserve(int count) {
        if (next + count > CAPACITY) {
            throw new IllegalStateException("messages: " + (next + count) + " (expected: at most " + CAPACITY + ")");
        }
        var range = new Range(next, next + count);
        next += count;
        return range;
    }

    /** The scheduled send time of a message ({@link System#nanoTime()}), or 0 if it is not sent yet. */
    long sentAt(int sequence) {
        return sentAt.get(sequence);
    }

    /**
     * Sends the messages of {@code range} at {@code perSecond}, in turn from each of {@code senders}; completes once
     * the last one is written. The schedule is checked every millisecond on the clients' event loop.
     */
    CompletableFuture<Void> send(List<WebSocket> senders, Range range, double perSecond) {
        var done = new CompletableFuture<Void>();
        vertx.runOnContext(v -> {
            long start = System.nanoTime();
            var sent = new int[1];
            vertx.setPeriodic(1, timer -> {
                long due = Math.min(range.size(), (long) ((System.nanoTime() - start) * perSecond / 1e9) + 1);
                while (sent[0] < due) {
                    int index = sent[0]++;
                    int sequence = range.first() + index;
                    sentAt.set(sequence, start + (long) (index * 1e9 / perSecond));
                    senders.get(index % senders.size())
                            .writeTextMessage("{\"action\":\"send\",\"message\":\"" + PREFIX + sequence + "\"}");
                }
                if (sent[0] == range.size()) {
                    vertx.cancelTimer(timer);
                    done.complete(null);
                }
            });
        });
        return done;
    }

    /** Message numbers {@code first} (included) to {@code end} (excluded). */
    record Range(int first, int end) {
        int size() {
            return end - first;
        }

        boolean contains(int sequence) {
            return sequence >= first && sequence < end;
        }
    }
}
