package dev.regionless.queues.engine;

import dev.regionless.queues.MessageAttribute;
import dev.regionless.queues.ReceivedMessage;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives messages: picks them under the queue's lock ({@link Selection}), hides them for the visibility timeout,
 * moves those received too often to the dead-letter queue, and makes all of it durable before answering, so that a
 * restart neither shows a received message again early nor forgets a receive. With a wait time, it sleeps on the
 * queue until a send wakes it (long polling); it never spins.
 */
final class Receiver {
    /** The longest a waiting receiver sleeps before looking at the clock again: a test clock moves without notice. */
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final QueueDatabase db;
    private final ReceiptHandles handles;
    private final Clock clock;
    private final Selection selection;
    private final String accountId;

    Receiver(QueueDatabase db, ReceiptHandles handles, Clock clock, Selection selection, String accountId) {
        this.db = db;
        this.handles = handles;
        this.clock = clock;
        this.selection = selection;
        this.accountId = accountId;
    }

    /**
     * Receives up to {@code max} messages.
     *
     * @param attemptId FIFO queues: the {@code ReceiveRequestAttemptId}, or {@code null}
     */
    List<ReceivedMessage> receive(
            LiveQueue queue,
            int max,
            long visibilityMillis,
            long waitNanos,
            List<String> attributeNames,
            String attemptId) {
        // The wait is real time, as an HTTP request's is; message times come from the clock.
        long deadline = System.nanoTime() + waitNanos;
        var retryable = attemptId != null && queue.fifo() ? attemptId : null;
        Selection.Picked picked;
        boolean waitOn;
        do {
            picked = pickOrWait(queue, max, visibilityMillis, deadline, retryable);
            if (picked == null) {
                return List.of();
            }
            if (picked.wrote()) {
                db.awaitDurable();
            }
            picked.afterDurable().forEach(Runnable::run);
            // A look that only moved or expired messages took nothing: finish its work, then wait on.
            waitOn = picked.taken().isEmpty() && picked.wrote() && deadline - System.nanoTime() > 0;
        } while (waitOn);
        var messages = new ArrayList<ReceivedMessage>();
        for (var taken : picked.taken()) {
            var bytes = db.get(Family.MESSAGES, Keys.message(queue.id, taken.number()));
            if (bytes != null) {
                messages.add(message(queue.id, taken, StoredMessage.decode(bytes), attributeNames));
            } else {
                forget(queue, taken.number()); // purged since it was sent or picked
            }
        }
        return messages;
    }

    /**
     * Picks under the queue's lock, waiting for messages until {@code deadline}: the messages an earlier receive
     * with the same attempt id took, or a pick that took messages, or one that wrote (moved dead letters, deleted
     * expired messages) and must be finished before waiting on, or the last empty pick; {@code null} if the queue
     * was deleted.
     */
    private Selection.Picked pickOrWait(
            LiveQueue queue, int max, long visibilityMillis, long deadline, String retryable) {
        queue.lock.lock();
        try {
            var retried = retryable == null ? null : retry(queue, retryable, clock.millis(), visibilityMillis);
            if (retried != null) {
                return retried;
            }
            while (true) {
                if (queue.isDeleted()) {
                    return null;
                }
                long now = clock.millis();
                var picked = selection.pick(queue, now, max, visibilityMillis);
                long left = deadline - System.nanoTime();
                if (!picked.taken().isEmpty() || picked.wrote() || left <= 0) {
                    if (retryable != null && !picked.taken().isEmpty()) {
                        queue.attempts.remember(queue, retryable, picked.taken(), now);
                    }
                    return picked;
                }
                long untilVisible = queue.untilNextVisible(now);
                long sleep = Math.min(left, RECHECK_NANOS);
                if (untilVisible != Long.MAX_VALUE) {
                    sleep = Math.min(sleep, Math.max(1, untilVisible) * 1_000_000L);
                }
                queue.await(sleep);
            }
        } finally {
            queue.lock.unlock();
        }
    }

    /** The messages an earlier receive with this attempt id took, hidden again; {@code null} if none. Lock held. */
    private Selection.Picked retry(LiveQueue queue, String attemptId, long now, long visibilityMillis) {
        var batch = db.batch();
        try {
            var taken = queue.attempts.retry(queue, attemptId, now, visibilityMillis, batch);
            if (taken == null || batch.isEmpty()) {
                batch.close();
                return null;
            }
            db.apply(batch);
            return new Selection.Picked(taken, true, List.of());
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
    }

    private static void forget(LiveQueue queue, long number) {
        queue.lock.lock();
        try {
            var slot = queue.slots.get(number);
            if (slot != null) {
                queue.remove(slot);
            }
        } finally {
            queue.lock.unlock();
        }
    }

    private ReceivedMessage message(
            long queueId, Selection.Taken taken, StoredMessage stored, List<String> attributeNames) {
        var attributes = selected(stored.attributes(), attributeNames);
        var system = new LinkedHashMap<String, String>();
        system.put("SenderId", accountId);
        system.put("SentTimestamp", Long.toString(stored.sentTimestamp()));
        system.put("ApproximateReceiveCount", Integer.toString(taken.receiveCount()));
        system.put("ApproximateFirstReceiveTimestamp", Long.toString(taken.firstReceiveTimestamp()));
        if (stored.groupId() != null) {
            system.put("MessageGroupId", stored.groupId());
        }
        if (stored.deduplicationId() != null) {
            system.put("MessageDeduplicationId", stored.deduplicationId());
        }
        if (stored.sequenceNumber() != null) {
            system.put("SequenceNumber", stored.sequenceNumber());
        }
        if (stored.traceHeader() != null) {
            system.put("AWSTraceHeader", stored.traceHeader());
        }
        if (stored.deadLetterSourceArn() != null) {
            system.put("DeadLetterQueueSourceArn", stored.deadLetterSourceArn());
        }
        return new ReceivedMessage(
                stored.messageId(),
                handles.issue(queueId, taken.number(), taken.receiveCount()),
                stored.body(),
                MessageChecksums.ofBody(stored.body()),
                attributes,
                MessageChecksums.ofAttributes(attributes),
                system);
    }

    /** The attributes a receive asked for: by name, by {@code prefix.*}, or all with {@code All} or {@code .*}. */
    static Map<String, MessageAttribute> selected(Map<String, MessageAttribute> attributes, List<String> names) {
        if (names.contains("All") || names.contains(".*")) {
            return attributes;
        }
        var result = new LinkedHashMap<String, MessageAttribute>();
        attributes.forEach((name, value) -> {
            for (var wanted : names) {
                boolean matches = wanted.endsWith(".*")
                        ? name.startsWith(wanted.substring(0, wanted.length() - 1))
                        : name.equals(wanted);
                if (matches) {
                    result.put(name, value);
                    break;
                }
            }
        });
        return result;
    }
}
