package dev.regionless.queues.engine;

import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers for queues and messages, unique in the store and increasing, also across restarts: a receipt handle names
 * a message by number, so a number must never be reused, or a handle of a deleted message could delete a newer one.
 * Numbers are reserved in blocks, each reservation durable before its numbers are handed out, so that a restart
 * continues above everything handed out before.
 */
final class Numbers {
    private static final byte[] KEY = Keys.meta("numbers-reserved");
    private static final long BLOCK = 1_000_000;

    private final QueueDatabase db;
    private final AtomicLong next;
    private volatile long reserved;

    Numbers(QueueDatabase db) {
        this.db = db;
        var stored = db.get(Family.META, KEY);
        // Everything handed out before is below the last reservation: start there.
        long start = stored == null ? 1 : Keys.longOf(stored);
        this.next = new AtomicLong(start);
        this.reserved = start;
    }

    long next() {
        long number = next.getAndIncrement();
        if (number >= reserved) {
            reserveBeyond(number);
        }
        return number;
    }

    private synchronized void reserveBeyond(long number) {
        if (number < reserved) {
            return;
        }
        long upTo = number + BLOCK;
        var batch = db.batch();
        batch.put(Family.META, KEY, Keys.longValue(upTo));
        db.write(batch);
        reserved = upTo;
    }
}
