package dev.regionless.queues.engine;

import dev.regionless.queues.Queue;
import dev.regionless.queues.QueueAttributes;
import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.RedrivePolicy;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.util.ArrayList;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue's messages in memory, over their records in the store: which are visible, which are hidden until when,
 * and the receivers waiting for one. Every change is applied to the store under the queue's lock and made durable
 * outside it, so that writers share log syncs; a message sent becomes visible only once durable.
 *
 * <p>Standard queues keep the visible messages in a set and the hidden ones on timers, so a receive costs
 * O(log n). FIFO queues scan their messages in order, keeping each message group in order and blocked while one of
 * its messages is in flight.
 */
final class LiveQueue {
    final long id;
    private volatile Queue queue;
    /** The queue's settings, typed once per change rather than on every call. */
    private volatile QueueAttributes settings;

    private volatile RedrivePolicy redrive;
    private final QueueDatabase db;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Every message, by number: the order of sending. */
    final TreeMap<Long, Slot> slots = new TreeMap<>();
    /** Standard queues: the numbers of the messages visible since the last promotion. */
    final TreeSet<Long> ready = new TreeSet<>();
    /** Standard queues: when hidden messages become visible; entries whose slot moved on are skipped. */
    final PriorityQueue<Timer> timers = new PriorityQueue<>();

    final Deduplication deduplication = new Deduplication();
    /** FIFO queues: recent receives by {@code ReceiveRequestAttemptId}. */
    final ReceiveAttempts attempts = new ReceiveAttempts();

    private long lastPurge = Long.MIN_VALUE;
    private volatile int waiting;
    private boolean deleted;

    record Timer(long visibleAt, long number) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(visibleAt, other.visibleAt);
            return byTime != 0 ? byTime : Long.compare(number, other.number);
        }
    }

    LiveQueue(long id, Queue queue, QueueDatabase db) {
        this.id = id;
        this.db = db;
        replace(queue);
    }

    Queue queue() {
        return queue;
    }

    void replace(Queue updated) {
        settings = updated.settings();
        redrive = settings.redrivePolicy().orElse(null);
        queue = updated;
    }

    QueueAttributes settings() {
        return settings;
    }

    /** The queue's redrive policy, or {@code null}. */
    RedrivePolicy redrive() {
        return redrive;
    }

    boolean fifo() {
        return settings.fifo();
    }

    /** Adds a message that is durable (or, for FIFO queues, being made so under the lock). Caller holds the lock. */
    void insert(Slot slot, long now) {
        slots.put(slot.number, slot);
        if (!fifo()) {
            schedule(slot, now);
        }
        changed.signalAll();
    }

    /** Wakes the waiting receivers: something may have become receivable. Caller holds the lock. */
    void wake() {
        changed.signalAll();
    }

    /** Puts a standard queue's message where receives find it: visible now, or on a timer. Caller holds the lock. */
    void schedule(Slot slot, long now) {
        if (fifo()) {
            return;
        }
        if (slot.visibleAt <= now) {
            ready.add(slot.number);
        } else {
            timers.add(new Timer(slot.visibleAt, slot.number));
        }
    }

    /** Standard queues: moves the messages whose time has come to the visible set. Caller holds the lock. */
    void promote(long now) {
        while (!timers.isEmpty() && timers.peek().visibleAt <= now) {
            var timer = timers.poll();
            var slot = slots.get(timer.number);
            if (slot != null && slot.visibleAt == timer.visibleAt) {
                ready.add(timer.number);
            }
        }
    }

    /** Removes a message from memory (deleted, moved or expired). Caller holds the lock. */
    void remove(Slot slot) {
        slot.present = false;
        slots.remove(slot.number);
        ready.remove(slot.number);
    }

    /** The batch that deletes a message's records. */
    void deleteRecords(QueueDatabase.Batch batch, long number) {
        var key = Keys.message(id, number);
        batch.delete(Family.MESSAGES, key).delete(Family.STATES, key);
    }

    /**
     * Waits until a message may have become receivable or {@code nanos} pass; a send, a visibility change or a
     * deletion of the queue wakes it. Caller holds the lock.
     */
    void await(long nanos) {
        waiting++;
        try {
            changed.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting--;
        }
    }

    /** How many receivers are waiting for a message (long polling) right now. */
    int waiting() {
        return waiting;
    }

    /** Milliseconds of clock time until a hidden message becomes visible, or {@code Long.MAX_VALUE}. Lock held. */
    long untilNextVisible(long now) {
        if (!fifo()) {
            return timers.isEmpty() ? Long.MAX_VALUE : Math.max(0, timers.peek().visibleAt - now);
        }
        long next = Long.MAX_VALUE;
        for (var slot : slots.values()) {
            if (slot.visibleAt > now) {
                next = Math.min(next, slot.visibleAt - now);
            }
        }
        return next;
    }

    /** Deletes the message a receipt names, if the receipt is its latest; answers whether it was deleted. */
    boolean delete(ReceiptHandles.Receipt receipt, String handle) {
        lock.lock();
        QueueDatabase.Batch batch;
        try {
            var slot = slots.get(receipt.messageNumber());
            if (slot == null) {
                return false; // deleted already: SQS answers success
            }
            if (slot.receiveCount != receipt.receiveCount()) {
                if (fifo()) {
                    throw QueueErrors.receiptHandleExpired(handle);
                }
                return false; // an older receive's handle: SQS succeeds without deleting
            }
            remove(slot);
            batch = db.batch();
            deleteRecords(batch, slot.number);
            db.apply(batch);
            changed.signalAll(); // a FIFO group may be free now
        } finally {
            lock.unlock();
        }
        db.awaitDurable();
        return true;
    }

    /** Hides (or shows) a message in flight for {@code millis} from {@code now}. */
    void changeVisibility(ReceiptHandles.Receipt receipt, String handle, long millis, long now) {
        lock.lock();
        try {
            var slot = slots.get(receipt.messageNumber());
            if (slot == null || slot.receiveCount != receipt.receiveCount()) {
                throw QueueErrors.invalidParameter(
                        "ReceiptHandle",
                        handle,
                        "Message does not exist or is not available for visibility timeout change.");
            }
            if (!slot.inFlight(now)) {
                throw QueueErrors.messageNotInflight();
            }
            if (now + millis - slot.receivedAt > 43_200_000L) {
                throw QueueErrors.invalidParameter(
                        "VisibilityTimeout",
                        millis / 1000,
                        "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
            }
            slot.visibleAt = now + millis;
            schedule(slot, now);
            var batch = db.batch();
            batch.put(Family.STATES, Keys.message(id, slot.number), slot.encodeState());
            db.apply(batch);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        db.awaitDurable();
    }

    /** Deletes every message; SQS allows one purge a minute. */
    void purge(long now) {
        lock.lock();
        try {
            if (lastPurge != Long.MIN_VALUE && now - lastPurge < 60_000) {
                throw QueueErrors.purgeInProgress(queue.name());
            }
            lastPurge = now;
            for (var slot : slots.values()) {
                slot.present = false;
            }
            slots.clear();
            ready.clear();
            timers.clear();
            var batch = db.batch();
            batch.deleteRange(Family.MESSAGES, Keys.queuePrefix(id), Keys.queueEnd(id))
                    .deleteRange(Family.STATES, Keys.queuePrefix(id), Keys.queueEnd(id));
            db.apply(batch);
        } finally {
            lock.unlock();
        }
        db.awaitDurable();
    }

    /** Marks the queue deleted and wakes its waiting receivers, which then answer nothing. */
    void markDeleted() {
        lock.lock();
        try {
            deleted = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isDeleted() {
        return deleted;
    }

    /** Deletes the messages whose retention period has passed, and forgets expired deduplication ids. */
    void expire(long now) {
        lock.lock();
        try {
            long retention = settings.retentionSeconds() * 1000L;
            var expired = new ArrayList<Slot>();
            for (var slot : slots.values()) {
                if (slot.enqueuedTimestamp + retention <= now && !slot.inFlight(now)) {
                    expired.add(slot);
                }
            }
            attempts.expire(now);
            var forgotten = deduplication.expire(now);
            if (expired.isEmpty() && forgotten.isEmpty()) {
                return;
            }
            var batch = db.batch();
            expired.forEach(slot -> {
                remove(slot);
                deleteRecords(batch, slot.number);
            });
            forgotten.forEach(key -> batch.delete(Family.DEDUPLICATION, Keys.deduplication(id, key)));
            db.apply(batch);
        } finally {
            lock.unlock();
        }
    }

    /** How many messages are visible, in flight and delayed: the queue's approximate counts. */
    long[] counts(long now) {
        lock.lock();
        try {
            long visible = 0;
            long inFlight = 0;
            long delayed = 0;
            for (var slot : slots.values()) {
                if (slot.visibleAt <= now) {
                    visible++;
                } else if (slot.receiveCount > 0) {
                    inFlight++;
                } else {
                    delayed++;
                }
            }
            return new long[] {visible, inFlight, delayed};
        } finally {
            lock.unlock();
        }
    }
}
