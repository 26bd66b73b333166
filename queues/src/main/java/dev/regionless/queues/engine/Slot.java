package dev.regionless.queues.engine;

import java.nio.ByteBuffer;

/**
 * What a queue keeps in memory for each of its messages: when it becomes visible, how often it was received, and
 * what receiving needs without reading the message (its group, when it expires). The part that changes on receive
 * is stored as the message's state record, so that a restart neither shows a received message again before its
 * visibility timeout nor forgets its receive count. Guarded by its queue's lock.
 */
final class Slot {
    final long number;
    final String groupId;
    final long enqueuedTimestamp;
    long visibleAt;
    int receiveCount;
    long firstReceiveTimestamp;
    long receivedAt;
    /** False once deleted, moved or expired: a timer still naming it is skipped. */
    boolean present = true;
    /** FIFO queues: written but not durable yet; it holds its group's place in line without being received. */
    boolean pending;

    Slot(long number, String groupId, long enqueuedTimestamp, long visibleAt) {
        this.number = number;
        this.groupId = groupId;
        this.enqueuedTimestamp = enqueuedTimestamp;
        this.visibleAt = visibleAt;
    }

    /** Whether it was received and its visibility timeout has not passed. */
    boolean inFlight(long now) {
        return receiveCount > 0 && visibleAt > now;
    }

    byte[] encodeState() {
        return ByteBuffer.allocate(28)
                .putLong(visibleAt)
                .putInt(receiveCount)
                .putLong(firstReceiveTimestamp)
                .putLong(receivedAt)
                .array();
    }

    void restoreState(byte[] state) {
        var buffer = ByteBuffer.wrap(state);
        visibleAt = buffer.getLong();
        receiveCount = buffer.getInt();
        firstReceiveTimestamp = buffer.getLong();
        receivedAt = buffer.getLong();
    }
}
