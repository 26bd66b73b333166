package dev.regionless.tables.engine;

import dev.regionless.tables.Item;
import dev.regionless.tables.KeyRangeDigest;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a table by ranges of partition key hashes, for comparing replicas: fingerprints of ranges, and the items of
 * a range with their versions. A fingerprint hashes the storage key without its table prefix (the hash and the
 * encoded key values, the same in every replica) and the version, never the item's bytes, which need not be
 * encoded identically everywhere.
 */
final class RangeDigests {
    private RangeDigests() {}

    static KeyRangeDigest digest(DurableStore store, TableState table, long fromHash, long toHash) {
        var digest = sha256();
        long items = 0;
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.ITEM, table.id());
        try (var cursor = new RangeCursor(
                store.iterator(),
                StorageKeys.hashBoundary(prefix, fromHash),
                StorageKeys.hashBoundary(prefix, toHash),
                true,
                null)) {
            while (cursor.hasNext()) {
                byte[] key = cursor.key();
                byte[] value = cursor.value();
                int versionLength = 9 + (value[8] & 0xFF);
                digest.update(ByteBuffer.allocate(8)
                        .putInt(key.length - prefix.length)
                        .putInt(versionLength)
                        .array());
                digest.update(key, prefix.length, key.length - prefix.length);
                digest.update(value, 0, versionLength);
                items++;
                cursor.advance();
            }
        }
        var hex = HexFormat.of().formatHex(digest.digest(), 0, 16);
        return new KeyRangeDigest(fromHash, toHash, items, hex);
    }

    static List<VersionedItem> read(
            DurableStore store, TableState table, long fromHash, long toHash, Item exclusiveStartKey, int limit) {
        var schema = table.definition().keySchema();
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.ITEM, table.id());
        byte[] start = exclusiveStartKey == null ? null : StorageKeys.item(table.id(), schema, exclusiveStartKey);
        var page = new ArrayList<VersionedItem>();
        try (var cursor = new RangeCursor(
                store.iterator(),
                StorageKeys.hashBoundary(prefix, fromHash),
                StorageKeys.hashBoundary(prefix, toHash),
                true,
                start)) {
            while (cursor.hasNext() && page.size() < limit) {
                var stored = StoredValue.decode(cursor.value());
                page.add(new VersionedItem(
                        IndexKeys.keyOf(schema, stored.item()),
                        stored.item(),
                        stored.version().timestamp(),
                        stored.version().origin()));
                cursor.advance();
            }
        }
        return page;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
