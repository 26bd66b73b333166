package dev.regionless.queues.engine;

import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Picks the messages one receive gets, under the queue's lock: the visible ones, in order of sending as far as the
 * queue keeps it; for FIFO queues, never from a message group with a message in flight, and each group in order. On
 * the way it deletes the messages past their retention period and moves those received {@code maxReceiveCount}
 * times to the dead-letter queue, in the same atomic write that hides the picked ones.
 */
final class Selection {
    /** One picked message: what its receipt handle and system attributes need. */
    record Taken(long number, int receiveCount, long firstReceiveTimestamp) {}

    /**
     * The outcome of a pick.
     *
     * @param taken the messages, now hidden
     * @param wrote whether the store was written (to wait for durability before answering)
     * @param afterDurable what to do once durable: dead letters join their queue then
     */
    record Picked(List<Taken> taken, boolean wrote, List<Runnable> afterDurable) {}

    private final QueueDatabase db;
    private final Numbers numbers;
    /** The live queue with an ARN, or {@code null}: the dead-letter queues' lookup. */
    private final Function<String, LiveQueue> queuesByArn;

    Selection(QueueDatabase db, Numbers numbers, Function<String, LiveQueue> queuesByArn) {
        this.db = db;
        this.numbers = numbers;
        this.queuesByArn = queuesByArn;
    }

    /** Caller holds the queue's lock. */
    Picked pick(LiveQueue queue, long now, int max, long visibilityMillis) {
        var pass = new Pass(queue, now, visibilityMillis);
        if (queue.fifo()) {
            pickFifo(pass, max);
        } else {
            pickStandard(pass, max);
        }
        return pass.finish();
    }

    private void pickStandard(Pass pass, int max) {
        var queue = pass.queue;
        queue.promote(pass.now);
        var iterator = queue.ready.iterator();
        var hidden = new ArrayList<Slot>();
        while (iterator.hasNext() && pass.taken.size() < max) {
            var slot = queue.slots.get(iterator.next());
            iterator.remove();
            if (slot == null || slot.visibleAt > pass.now) {
                continue; // deleted, or hidden again since it was promoted: a timer will bring it back
            }
            if (pass.expireOrDeadLetter(slot)) {
                continue;
            }
            pass.take(slot);
            hidden.add(slot);
        }
        hidden.forEach(slot -> queue.schedule(slot, pass.now));
    }

    private void pickFifo(Pass pass, int max) {
        var queue = pass.queue;
        var blocked = new HashSet<String>();
        for (var slot : queue.slots.values()) {
            if (slot.pending || slot.inFlight(pass.now)) {
                blocked.add(slot.groupId);
            }
        }
        for (var slot : new ArrayList<>(queue.slots.values())) {
            if (pass.taken.size() >= max) {
                break;
            }
            if (blocked.contains(slot.groupId)) {
                continue;
            }
            if (slot.visibleAt > pass.now) {
                blocked.add(slot.groupId); // delayed: the rest of its group waits behind it
                continue;
            }
            if (pass.expireOrDeadLetter(slot)) {
                continue;
            }
            pass.take(slot);
        }
    }

    /** One pick's work in progress. */
    private final class Pass {
        final LiveQueue queue;
        final long now;
        final long visibilityMillis;
        final long retentionMillis;
        final dev.regionless.queues.RedrivePolicy redrive;
        final List<Taken> taken = new ArrayList<>();
        final List<Runnable> afterDurable = new ArrayList<>();
        QueueDatabase.Batch batch;

        Pass(LiveQueue queue, long now, long visibilityMillis) {
            this.queue = queue;
            this.now = now;
            this.visibilityMillis = visibilityMillis;
            this.retentionMillis = queue.settings().retentionSeconds() * 1000L;
            this.redrive = queue.redrive();
        }

        QueueDatabase.Batch batch() {
            if (batch == null) {
                batch = db.batch();
            }
            return batch;
        }

        void take(Slot slot) {
            slot.receiveCount++;
            if (slot.firstReceiveTimestamp == 0) {
                slot.firstReceiveTimestamp = now;
            }
            slot.receivedAt = now;
            slot.visibleAt = now + visibilityMillis;
            batch().put(Family.STATES, Keys.message(queue.id, slot.number), slot.encodeState());
            taken.add(new Taken(slot.number, slot.receiveCount, slot.firstReceiveTimestamp));
        }

        /** Deletes an expired message or moves one received too often; answers whether it did. */
        boolean expireOrDeadLetter(Slot slot) {
            if (slot.enqueuedTimestamp + retentionMillis <= now) {
                queue.remove(slot);
                queue.deleteRecords(batch(), slot.number);
                return true;
            }
            if (redrive == null || slot.receiveCount < redrive.maxReceiveCount()) {
                return false;
            }
            var target = queuesByArn.apply(redrive.deadLetterTargetArn());
            if (target == null || target == queue) {
                return false; // no dead-letter queue (any more): SQS keeps delivering
            }
            var bytes = db.get(Family.MESSAGES, Keys.message(queue.id, slot.number));
            queue.remove(slot);
            queue.deleteRecords(batch(), slot.number);
            if (bytes == null) {
                return true;
            }
            long number = numbers.next();
            var moved = StoredMessage.decode(bytes)
                    .movedTo(
                            queue.queue().arn(),
                            now,
                            target.fifo() ? Sender.sequenceNumber(number) : null,
                            !target.fifo());
            var copy = new Slot(number, moved.groupId(), moved.enqueuedTimestamp(), now);
            copy.receiveCount = slot.receiveCount;
            copy.firstReceiveTimestamp = slot.firstReceiveTimestamp;
            var key = Keys.message(target.id, number);
            batch().put(Family.MESSAGES, key, moved.encode()).put(Family.STATES, key, copy.encodeState());
            afterDurable.add(() -> Transfers.join(target, copy, now));
            return true;
        }

        Picked finish() {
            if (batch == null) {
                return new Picked(taken, false, afterDurable);
            }
            db.apply(batch);
            return new Picked(taken, true, afterDurable);
        }
    }
}
