package dev.regionless.queues.engine;

import dev.regionless.queues.QueueErrors;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIFO queue's recent receives by {@code ReceiveRequestAttemptId}, for five minutes: a client whose receive failed
 * on the network retries with the same id and gets the same messages and receipt handles, hidden again for the
 * visibility timeout, instead of finding their groups blocked by messages it never saw. Once one of those messages
 * was deleted, received again or had its visibility changed, the id is no longer retryable. Kept in memory (a
 * restart forgets the ids, and a retry then receives afresh). Guarded by the queue's lock.
 */
final class ReceiveAttempts {
    static final long WINDOW_MILLIS = 5 * 60_000L;

    /** A message as the remembered receive left it. */
    private record Remembered(long number, int receiveCount, long visibleAt) {}

    private record Attempt(long expiresAt, List<Remembered> messages) {}

    private final Map<String, Attempt> attempts = new HashMap<>();

    /**
     * The messages the receive with this id took, hidden again until {@code now + visibilityMillis} (written to
     * {@code batch}), or {@code null} if no receive with this id took messages in the last five minutes.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValue} if one of them changed since
     */
    List<Selection.Taken> retry(
            LiveQueue queue, String id, long now, long visibilityMillis, QueueDatabase.Batch batch) {
        var attempt = attempts.get(id);
        if (attempt == null || attempt.expiresAt <= now) {
            attempts.remove(id);
            return null;
        }
        var slots = new ArrayList<Slot>();
        for (var message : attempt.messages) {
            var slot = queue.slots.get(message.number);
            if (slot == null || slot.receiveCount != message.receiveCount || slot.visibleAt != message.visibleAt) {
                attempts.remove(id);
                throw QueueErrors.invalidParameter(
                        "ReceiveRequestAttemptId",
                        id,
                        "The receiveRequestAttemptId is not valid anymore since the receive call is not retryable"
                                + " (a message it received was deleted, received again or had its visibility"
                                + " changed).");
            }
            slots.add(slot);
        }
        var taken = new ArrayList<Selection.Taken>();
        var again = new ArrayList<Remembered>();
        for (var slot : slots) {
            slot.visibleAt = now + visibilityMillis;
            batch.put(Family.STATES, Keys.message(queue.id, slot.number), slot.encodeState());
            taken.add(new Selection.Taken(slot.number, slot.receiveCount, slot.firstReceiveTimestamp));
            again.add(new Remembered(slot.number, slot.receiveCount, slot.visibleAt));
        }
        attempts.put(id, new Attempt(attempt.expiresAt, again));
        return taken;
    }

    /** Remembers what a receive with this id took, for five minutes from {@code now}. */
    void remember(LiveQueue queue, String id, List<Selection.Taken> taken, long now) {
        var messages = new ArrayList<Remembered>();
        for (var one : taken) {
            var slot = queue.slots.get(one.number());
            if (slot != null) {
                messages.add(new Remembered(one.number(), one.receiveCount(), slot.visibleAt));
            }
        }
        attempts.put(id, new Attempt(now + WINDOW_MILLIS, messages));
    }

    /** Forgets the ids older than five minutes. */
    void expire(long now) {
        attempts.values().removeIf(attempt -> attempt.expiresAt <= now);
    }
}
