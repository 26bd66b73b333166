package dev.regionless.events.internal;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.ChangeRecord;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of the {@code count} lanes a mapping with a {@code ParallelizationFactor} of {@code count} reads its stream
 * in. Each record belongs to the lane its partition key hashes to, so one item's changes stay in one lane, in order,
 * while the lanes run side by side. The hash is of the key's value, so lanes are the same after a restart.
 */
public record Lane(int index, int count) {
    public Lane {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("lane " + index + " of " + count);
        }
    }

    /** The single lane of a mapping without parallelization. */
    public static Lane only() {
        return new Lane(0, 1);
    }

    /** Where this lane's position is stored; a mapping's only lane keeps the mapping's own key. */
    public String positionKey(String uuid) {
        return count == 1 ? uuid : uuid + "#" + index + "of" + count;
    }

    /** Whether {@code record}, of a table whose partition key is {@code partitionKey}, belongs to this lane. */
    public boolean holds(ChangeRecord record, String partitionKey) {
        if (count == 1) {
            return true;
        }
        var value = record.keys().get(partitionKey).orElse(null);
        var crc = new CRC32();
        crc.update(bytesOf(value));
        return crc.getValue() % count == index;
    }

    private static byte[] bytesOf(AttributeValue value) {
        return switch (value) {
            case null -> new byte[0];
            case AttributeValue.S s -> ("S:" + s.value()).getBytes(StandardCharsets.UTF_8);
            case AttributeValue.N n -> ("N:" + n.text()).getBytes(StandardCharsets.UTF_8);
            case AttributeValue.B b -> b.value().toArray();
            default -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
    }
}
