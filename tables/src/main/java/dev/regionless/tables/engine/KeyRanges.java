package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.expression.Comparator;
import dev.regionless.tables.expression.KeyCondition;
import java.io.ByteArrayOutputStream;

/** Turns a key condition into the range of storage keys that holds exactly the matching items. */
final class KeyRanges {
    private KeyRanges() {}

    /** [lower, upper) under {@code prefix} (a table's or an index's) for one partition and sort condition. */
    static byte[][] of(byte[] prefix, KeyCondition condition) {
        byte[] partition = StorageKeys.partition(prefix, condition.partitionValue());
        byte[] all = StorageKeys.successor(partition);
        if (condition.sortKeyCondition().isEmpty()) {
            return new byte[][] {partition, all};
        }
        return switch (condition.sortKeyCondition().get()) {
            case KeyCondition.SortKeyCondition.Compare compare -> compare(partition, all, compare);
            case KeyCondition.SortKeyCondition.Between between ->
                new byte[][] {concat(partition, between.low()), StorageKeys.successor(concat(partition, between.high()))
                };
            case KeyCondition.SortKeyCondition.BeginsWith beginsWith -> {
                byte[] start = escapedPrefix(partition, beginsWith.prefix());
                yield new byte[][] {start, StorageKeys.successor(start)};
            }
        };
    }

    private static byte[][] compare(byte[] partition, byte[] all, KeyCondition.SortKeyCondition.Compare compare) {
        byte[] at = concat(partition, compare.value());
        byte[] after = StorageKeys.successor(at);
        Comparator comparator = compare.comparator();
        return switch (comparator) {
            case EQ -> new byte[][] {at, after};
            case LT -> new byte[][] {partition, at};
            case LE -> new byte[][] {partition, after};
            case GT -> new byte[][] {after, all};
            case GE -> new byte[][] {at, all};
            case NE -> throw new IllegalArgumentException("<> is not a key condition");
        };
    }

    private static byte[] concat(byte[] partition, AttributeValue sortValue) {
        var out = new ByteArrayOutputStream(partition.length + 32);
        out.writeBytes(partition);
        KeyEncoding.append(out, sortValue);
        return out.toByteArray();
    }

    /** The encoded bytes every sort key beginning with {@code prefix} starts with: escaped, unterminated. */
    private static byte[] escapedPrefix(byte[] partition, AttributeValue prefix) {
        byte[] encoded = concat(partition, prefix);
        return java.util.Arrays.copyOf(encoded, encoded.length - 2);
    }
}
