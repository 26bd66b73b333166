package dev.regionless.queues.engine;

import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the store back into live queues when it opens: the catalog, every message with its state, the FIFO
 * deduplication ids. Records of a queue deleted halfway cannot exist: a queue and its records go in one batch.
 */
final class Recovery {
    private Recovery() {}

    static void load(QueueDatabase db, Map<String, LiveQueue> queues) {
        var byId = new HashMap<Long, LiveQueue>();
        db.scan(Family.QUEUES, new byte[0], (key, value) -> {
            var entry = Catalog.decode(value);
            var live = new LiveQueue(entry.id(), entry.queue(), db);
            queues.put(entry.queue().name(), live);
            byId.put(entry.id(), live);
        });
        db.scan(Family.MESSAGES, new byte[0], (key, value) -> {
            var live = byId.get(ByteBuffer.wrap(key).getLong());
            if (live != null) {
                var message = StoredMessage.decode(value);
                var slot = new Slot(Keys.number(key), message.groupId(), message.enqueuedTimestamp(), 0);
                live.slots.put(slot.number, slot);
            }
        });
        db.scan(Family.STATES, new byte[0], (key, value) -> {
            var live = byId.get(ByteBuffer.wrap(key).getLong());
            var slot = live == null ? null : live.slots.get(Keys.number(key));
            if (slot != null) {
                slot.restoreState(value);
            }
        });
        db.scan(Family.DEDUPLICATION, new byte[0], (key, value) -> {
            var live = byId.get(ByteBuffer.wrap(key).getLong());
            if (live != null) {
                live.deduplication.remember(Keys.deduplicationKey(key), Deduplication.Accepted.decode(value));
            }
        });
        // Timers count from the stored visibility: a message hidden before the restart stays hidden until then.
        byId.values().forEach(live -> live.slots.values().forEach(slot -> live.schedule(slot, Long.MIN_VALUE)));
    }
}
