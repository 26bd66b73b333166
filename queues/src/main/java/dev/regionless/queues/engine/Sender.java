package dev.regionless.queues.engine;

import dev.regionless.queues.OutgoingMessage;
import dev.regionless.queues.SendResult;
import dev.regionless.queues.storage.QueueDatabase;
import dev.regionless.queues.storage.QueueDatabase.Family;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes checked messages to a queue: all of a batch in one atomic write, acknowledged once durable. A standard
 * queue's messages join it only then; a FIFO queue's take their place in line under the queue's lock, so sequence
 * numbers follow the order of sending, and become receivable once durable.
 */
final class Sender {
    private final QueueDatabase db;
    private final Numbers numbers;
    private final Clock clock;

    Sender(QueueDatabase db, Numbers numbers, Clock clock) {
        this.db = db;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Sends checked messages; answers one result per message, in order. */
    List<SendResult> send(LiveQueue queue, List<OutgoingMessage> messages) {
        return queue.fifo() ? sendFifo(queue, messages) : sendStandard(queue, messages);
    }

    private List<SendResult> sendStandard(LiveQueue queue, List<OutgoingMessage> messages) {
        long now = clock.millis();
        int queueDelay = queue.settings().delaySeconds();
        var results = new ArrayList<SendResult>();
        var slots = new ArrayList<Slot>();
        var batch = db.batch();
        for (var message : messages) {
            long number = numbers.next();
            int delay = message.delaySeconds() == null ? queueDelay : message.delaySeconds();
            var stored = record(message, now, null, null);
            var slot = new Slot(number, message.groupId(), now, now + delay * 1000L);
            write(batch, queue, stored, slot);
            slots.add(slot);
            results.add(result(stored, message));
        }
        db.apply(batch);
        db.awaitDurable();
        queue.lock.lock();
        try {
            slots.forEach(slot -> queue.insert(slot, now));
        } finally {
            queue.lock.unlock();
        }
        return results;
    }

    private List<SendResult> sendFifo(LiveQueue queue, List<OutgoingMessage> messages) {
        var results = new ArrayList<SendResult>();
        var slots = new ArrayList<Slot>();
        queue.lock.lock();
        try {
            long now = clock.millis();
            var settings = queue.settings();
            var batch = db.batch();
            for (var message : messages) {
                var deduplicationId =
                        message.deduplicationId() != null ? message.deduplicationId() : sha256(message.body());
                var key = Deduplication.key(deduplicationId, message.groupId(), settings.deduplicatesPerGroup());
                var earlier = queue.deduplication.find(key, now);
                if (earlier != null) {
                    // The SDK checks the MD5s against what it sent: answer this send's, with the original's id.
                    var md5s = result(record(message, now, deduplicationId, earlier.sequenceNumber()), message);
                    results.add(new SendResult(
                            earlier.messageId(),
                            md5s.md5OfBody(),
                            md5s.md5OfMessageAttributes(),
                            md5s.md5OfSystemAttributes(),
                            earlier.sequenceNumber()));
                    continue;
                }
                long number = numbers.next();
                var stored = record(message, now, deduplicationId, sequenceNumber(number));
                var slot = new Slot(number, message.groupId(), now, now + settings.delaySeconds() * 1000L);
                slot.pending = true;
                write(batch, queue, stored, slot);
                var accepted = new Deduplication.Accepted(
                        stored.messageId(), stored.sequenceNumber(), now + Deduplication.WINDOW_MILLIS);
                queue.deduplication.remember(key, accepted);
                batch.put(Family.DEDUPLICATION, Keys.deduplication(queue.id, key), accepted.encode());
                queue.insert(slot, now);
                slots.add(slot);
                results.add(result(stored, message));
            }
            db.apply(batch);
        } finally {
            queue.lock.unlock();
        }
        db.awaitDurable();
        if (!slots.isEmpty()) {
            queue.lock.lock();
            try {
                slots.forEach(slot -> slot.pending = false);
                queue.wake();
            } finally {
                queue.lock.unlock();
            }
        }
        return results;
    }

    private void write(QueueDatabase.Batch batch, LiveQueue queue, StoredMessage stored, Slot slot) {
        var key = Keys.message(queue.id, slot.number);
        batch.put(Family.MESSAGES, key, stored.encode()).put(Family.STATES, key, slot.encodeState());
    }

    private static StoredMessage record(
            OutgoingMessage message, long now, String deduplicationId, String sequenceNumber) {
        return new StoredMessage(
                randomId(),
                message.body(),
                message.attributes(),
                message.traceHeader(),
                now,
                now,
                message.groupId(),
                deduplicationId,
                sequenceNumber,
                null);
    }

    private static SendResult result(StoredMessage stored, OutgoingMessage message) {
        return new SendResult(
                stored.messageId(),
                MessageChecksums.ofBody(message.body()),
                MessageChecksums.ofAttributes(message.attributes()),
                MessageChecksums.ofTraceHeader(message.traceHeader()),
                stored.sequenceNumber());
    }

    /** A FIFO sequence number: 20 digits, increasing in the queue. */
    static String sequenceNumber(long number) {
        return String.format("%020d", number);
    }

    /**
     * A message id in UUID form. Not {@code UUID.randomUUID()}: that draws from one shared SecureRandom, contended
     * at tens of thousands of sends a second, and message ids need not be secret (receipt handles are signed).
     */
    static String randomId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
