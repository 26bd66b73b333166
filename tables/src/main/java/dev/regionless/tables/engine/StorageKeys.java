package dev.regionless.tables.engine;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.KeySchema;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The layout of the region's key space. Every key starts with a one-byte kind:
 *
 * <pre>
 * c name                                         catalog entry (JSON)
 * m name                                         a store-wide counter
 * i table-id hash enc(pk) [enc(sk)]              an item
 * x table-id index# hash enc(ipk) [enc(isk)] enc(pk) [enc(sk)]   an index entry (the projected item)
 * s table-id sequence                            a stream record
 * d table-id hash enc(pk) [enc(sk)]              a deleted item's version (global tables only)
 * k name                                         a small value another service keeps with the tables
 * </pre>
 *
 * The 32-bit hash of the partition key comes first so that a scan visits partitions in hash order, as DynamoDB's
 * does, and a parallel scan's segment is one contiguous range of hashes.
 */
public final class StorageKeys {
    static final byte CATALOG = 'c';
    static final byte COUNTER = 'm';
    static final byte ITEM = 'i';
    static final byte INDEX = 'x';
    static final byte STREAM = 's';
    static final byte TOMBSTONE = 'd';
    static final byte META = 'k';

    private StorageKeys() {}

    static byte[] catalog(String tableName) {
        return prefixed(CATALOG, tableName.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] meta(String name) {
        return prefixed(META, name.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] counter(String name) {
        return prefixed(COUNTER, name.getBytes(StandardCharsets.UTF_8));
    }

    /** Every key of one kind: the one-byte range [kind, kind+1). */
    static byte[][] kindRange(byte kind) {
        return new byte[][] {{kind}, {(byte) (kind + 1)}};
    }

    static byte[] tablePrefix(byte kind, long tableId) {
        return ByteBuffer.allocate(9).put(kind).putLong(tableId).array();
    }

    static byte[] indexPrefix(long tableId, int indexNumber) {
        return ByteBuffer.allocate(11)
                .put(INDEX)
                .putLong(tableId)
                .putShort((short) indexNumber)
                .array();
    }

    static byte[] stream(long tableId, long sequence) {
        return ByteBuffer.allocate(17)
                .put(STREAM)
                .putLong(tableId)
                .putLong(sequence)
                .array();
    }

    static long streamSequence(byte[] key) {
        return ByteBuffer.wrap(key, 9, 8).getLong();
    }

    /** The key of an item of a table: table prefix, hash, then the encoded key values. */
    static byte[] item(long tableId, KeySchema schema, Item item) {
        var out = new ByteArrayOutputStream(64);
        out.writeBytes(tablePrefix(ITEM, tableId));
        appendKey(out, schema, item);
        return out.toByteArray();
    }

    /** Where a global table keeps the version of a deleted item: the item's key under the tombstone kind. */
    static byte[] tombstone(long tableId, KeySchema schema, Item key) {
        var out = new ByteArrayOutputStream(64);
        out.writeBytes(tablePrefix(TOMBSTONE, tableId));
        appendKey(out, schema, key);
        return out.toByteArray();
    }

    /** Reads a primary key back from an item's or a tombstone's storage key. */
    static Item keyOf(byte[] storageKey, KeySchema schema) {
        var attributes = new java.util.LinkedHashMap<String, AttributeValue>();
        int offset = 9 + 4; // kind and table id, then the partition key's hash
        var partition = KeyEncoding.decode(storageKey, offset, typeOf(schema.partitionKey()));
        attributes.put(schema.partitionKey().name(), partition.value());
        schema.sort()
                .ifPresent(sort -> attributes.put(
                        sort.name(),
                        KeyEncoding.decode(storageKey, partition.end(), typeOf(sort))
                                .value()));
        return Item.of(attributes);
    }

    private static char typeOf(dev.regionless.tables.catalog.KeyElement element) {
        return element.type().name().charAt(0);
    }

    /** The key of an index entry: index prefix, the index key as an item key is laid out, then the table key. */
    static byte[] indexEntry(long tableId, int indexNumber, KeySchema indexSchema, KeySchema tableSchema, Item item) {
        var out = new ByteArrayOutputStream(96);
        out.writeBytes(indexPrefix(tableId, indexNumber));
        appendKey(out, indexSchema, item);
        KeyEncoding.append(out, attribute(item, tableSchema.partitionKey().name()));
        tableSchema.sort().ifPresent(sort -> KeyEncoding.append(out, attribute(item, sort.name())));
        return out.toByteArray();
    }

    /** Prefix + hash + encoded partition key: everything up to the sort key, shared by one partition's keys. */
    static byte[] partition(byte[] prefix, AttributeValue partitionKey) {
        var out = new ByteArrayOutputStream(64);
        out.writeBytes(prefix);
        appendPartition(out, partitionKey);
        return out.toByteArray();
    }

    private static void appendKey(ByteArrayOutputStream out, KeySchema schema, Item item) {
        appendPartition(out, attribute(item, schema.partitionKey().name()));
        schema.sort().ifPresent(sort -> KeyEncoding.append(out, attribute(item, sort.name())));
    }

    private static void appendPartition(ByteArrayOutputStream out, AttributeValue partitionKey) {
        byte[] encoded = KeyEncoding.encode(partitionKey);
        var crc = new CRC32C();
        crc.update(encoded);
        int hash = (int) crc.getValue();
        out.write(hash >>> 24);
        out.write(hash >>> 16);
        out.write(hash >>> 8);
        out.write(hash);
        out.writeBytes(encoded);
    }

    /** The first key of the hash range [from, to) under a prefix, for parallel scan segments. */
    static byte[] hashBoundary(byte[] prefix, long hash) {
        if (hash > 0xFFFFFFFFL) {
            // Past the last hash: the first key after the prefix's range.
            return successor(prefix);
        }
        return ByteBuffer.allocate(prefix.length + 4)
                .put(prefix)
                .putInt((int) hash)
                .array();
    }

    /** The smallest key greater than every key starting with {@code prefix}. */
    static byte[] successor(byte[] prefix) {
        var copy = prefix.clone();
        for (int i = copy.length - 1; i >= 0; i--) {
            if (copy[i] != (byte) 0xFF) {
                copy[i]++;
                return java.util.Arrays.copyOf(copy, i + 1);
            }
        }
        throw new IllegalArgumentException("no successor for an all-0xFF prefix");
    }

    private static AttributeValue attribute(Item item, String name) {
        return item.get(name).orElseThrow(() -> new IllegalArgumentException("key attribute missing: " + name));
    }

    private static byte[] prefixed(byte kind, byte[] rest) {
        var result = new byte[rest.length + 1];
        result[0] = kind;
        System.arraycopy(rest, 0, result, 1, rest.length);
        return result;
    }
}
