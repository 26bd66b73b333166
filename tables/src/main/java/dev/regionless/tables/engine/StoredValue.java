package dev.regionless.tables.engine;

import dev.regionless.tables.Item;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What an item key holds: the item and the version of the write that stored it (a tombstone has a version and no
 * item). Layout: timestamp (8 bytes), origin length (1 byte), origin (UTF-8), then the item in {@link ItemCodec}
 * form, absent for a tombstone.
 */
record StoredValue(Version version, Item item) {
    static byte[] encode(Version version, Item item) {
        return encode(version, item == null ? null : ItemCodec.encode(item));
    }

    /** As {@link #encode(Version, Item)} with the item already in {@link ItemCodec} form ({@code null}: none). */
    static byte[] encode(Version version, byte[] itemBody) {
        byte[] origin = version.origin().getBytes(StandardCharsets.UTF_8);
        byte[] body = itemBody == null ? new byte[0] : itemBody;
        return ByteBuffer.allocate(9 + origin.length + body.length)
                .putLong(version.timestamp())
                .put((byte) origin.length)
                .put(origin)
                .put(body)
                .array();
    }

    /** The version and the item; the item is {@code null} for a tombstone. */
    static StoredValue decode(byte[] bytes) {
        boolean tombstone = bytes.length == bodyOffset(bytes);
        return new StoredValue(versionOf(bytes), tombstone ? null : itemOf(bytes));
    }

    static Version versionOf(byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        long timestamp = buffer.getLong();
        int length = buffer.get() & 0xFF;
        return new Version(timestamp, new String(bytes, 9, length, StandardCharsets.UTF_8));
    }

    static Item itemOf(byte[] bytes) {
        return ItemCodec.decode(bytes, bodyOffset(bytes));
    }

    private static int bodyOffset(byte[] bytes) {
        return 9 + (bytes[8] & 0xFF);
    }
}
