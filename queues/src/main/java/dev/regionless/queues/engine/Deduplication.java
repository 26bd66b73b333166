package dev.regionless.queues.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A FIFO queue's memory of the deduplication ids it accepted in the last five minutes, with the message each one
 * produced: a send repeating an id within that window is acknowledged as the original and not queued again. Kept in
 * the store beside the messages, so a restart does not open the window. Guarded by its queue's lock.
 */
final class Deduplication {
    static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    /** The message a deduplication id was first accepted as, until {@code expiresAt}. */
    record Accepted(String messageId, String sequenceNumber, long expiresAt) {
        byte[] encode() {
            return (expiresAt + "\n" + messageId + "\n" + sequenceNumber).getBytes(StandardCharsets.UTF_8);
        }

        static Accepted decode(byte[] bytes) {
            var parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 3);
            return new Accepted(parts[1], parts[2], Long.parseLong(parts[0]));
        }
    }

    private final Map<String, Accepted> accepted = new HashMap<>();

    /** The key a message is deduplicated under: its id, within its group when the scope is the message group. */
    static String key(String deduplicationId, String groupId, boolean perGroup) {
        return perGroup ? groupId + "\u0000" + deduplicationId : deduplicationId;
    }

    /** The earlier message accepted under {@code key} within the window, or {@code null}. */
    Accepted find(String key, long now) {
        var found = accepted.get(key);
        return found == null || found.expiresAt <= now ? null : found;
    }

    void remember(String key, Accepted entry) {
        accepted.put(key, entry);
    }

    /** Forgets the ids whose window has passed; answers their keys so the store forgets them too. */
    java.util.List<String> expire(long now) {
        var expired = new java.util.ArrayList<String>();
        accepted.entrySet().removeIf(entry -> {
            if (entry.getValue().expiresAt <= now) {
                expired.add(entry.getKey());
                return true;
            }
            return false;
        });
        return expired;
    }

    void clear() {
        accepted.clear();
    }
}
