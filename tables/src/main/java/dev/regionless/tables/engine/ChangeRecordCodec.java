package dev.regionless.tables.engine;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import java.nio.ByteBuffer;

/** The stored form of a stream record: a fixed header, then the keys and the images as stored items. */
final class ChangeRecordCodec {
    private static final int HAS_OLD = 1, HAS_NEW = 2, EXPIRY = 4;

    private ChangeRecordCodec() {}

    static byte[] encode(ChangeRecord record) {
        byte[] keys = ItemCodec.encode(record.keys());
        byte[] oldImage = record.oldImage() == null ? new byte[0] : ItemCodec.encode(record.oldImage());
        byte[] newImage = record.newImage() == null ? new byte[0] : ItemCodec.encode(record.newImage());
        byte[] origin = record.origin().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int flags = (record.oldImage() != null ? HAS_OLD : 0)
                | (record.newImage() != null ? HAS_NEW : 0)
                | (record.expiry() ? EXPIRY : 0);
        return ByteBuffer.allocate(
                        1 + 1 + 8 + 8 + 1 + origin.length + 12 + keys.length + oldImage.length + newImage.length)
                .put((byte) record.eventName().ordinal())
                .put((byte) flags)
                .putLong(record.createdAtMillis())
                .putLong(record.timestamp())
                .put((byte) origin.length)
                .put(origin)
                .putInt(keys.length)
                .put(keys)
                .putInt(oldImage.length)
                .put(oldImage)
                .putInt(newImage.length)
                .put(newImage)
                .array();
    }

    static ChangeRecord decode(long sequence, byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var eventName = ChangeRecord.EventName.values()[in.get()];
        int flags = in.get();
        long createdAt = in.getLong();
        long timestamp = in.getLong();
        var origin = new byte[in.get() & 0xFF];
        in.get(origin);
        Item keys = ItemCodec.decode(section(in));
        byte[] oldBytes = section(in);
        byte[] newBytes = section(in);
        return new ChangeRecord(
                sequence,
                eventName,
                keys,
                (flags & HAS_OLD) != 0 ? ItemCodec.decode(oldBytes) : null,
                (flags & HAS_NEW) != 0 ? ItemCodec.decode(newBytes) : null,
                createdAt,
                (flags & EXPIRY) != 0,
                timestamp,
                new String(origin, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] section(ByteBuffer in) {
        var bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }
}
