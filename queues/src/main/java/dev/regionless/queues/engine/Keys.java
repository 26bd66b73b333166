package dev.regionless.queues.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The byte keys of the stores' records: a queue's records share its id as a prefix, so they sort together. */
final class Keys {
    private Keys() {}

    static byte[] queue(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] message(long queueId, long number) {
        return ByteBuffer.allocate(16).putLong(queueId).putLong(number).array();
    }

    static byte[] queuePrefix(long queueId) {
        return ByteBuffer.allocate(8).putLong(queueId).array();
    }

    /** The first key after every key of the queue: the end of a range delete. */
    static byte[] queueEnd(long queueId) {
        return ByteBuffer.allocate(8).putLong(queueId + 1).array();
    }

    static long number(byte[] key) {
        return ByteBuffer.wrap(key, 8, 8).getLong();
    }

    static byte[] deduplication(long queueId, String scopeKey) {
        var id = scopeKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + id.length).putLong(queueId).put(id).array();
    }

    static String deduplicationKey(byte[] key) {
        return new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
    }

    static byte[] meta(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] longValue(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long longOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
