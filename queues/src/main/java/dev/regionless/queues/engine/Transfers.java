package dev.regionless.queues.engine;

/** Messages joining a queue after a durable move: dead letters, and redriven messages. */
final class Transfers {
    private Transfers() {}

    /** Adds a moved message, already durable in {@code target}'s records, to its memory. */
    static void join(LiveQueue target, Slot slot, long now) {
        target.lock.lock();
        try {
            if (!target.isDeleted()) {
                target.insert(slot, now);
            }
        } finally {
            target.lock.unlock();
        }
    }
}
