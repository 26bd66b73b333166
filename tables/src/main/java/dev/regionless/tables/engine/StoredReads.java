package dev.regionless.tables.engine;

import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import dev.regionless.tables.ItemCursor;
import dev.regionless.tables.TableStore;
import dev.regionless.tables.VersionedItem;
import dev.regionless.tables.catalog.TableState;
import dev.regionless.tables.storage.DurableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads of a table's items, index entries and stream records straight from the store, without locks. */
final class StoredReads {
    private final DurableStore store;

    StoredReads(DurableStore store) {
        this.store = store;
    }

    /** The items (or index entries) of a key condition, a scan segment, or the whole table. */
    ItemCursor items(TableState table, TableStore.ReadRange range) {
        var definition = table.definition();
        byte[] prefix;
        byte[] start = null;
        if (range.indexName() != null) {
            var index = definition
                    .index(range.indexName())
                    .orElseThrow(() -> new IllegalArgumentException("no index " + range.indexName()));
            prefix = StorageKeys.indexPrefix(table.id(), index.number());
            if (range.exclusiveStartKey() != null) {
                start = IndexEntries.key(table, index, range.exclusiveStartKey());
            }
        } else {
            prefix = StorageKeys.tablePrefix(StorageKeys.ITEM, table.id());
            if (range.exclusiveStartKey() != null) {
                start = StorageKeys.item(table.id(), definition.keySchema(), range.exclusiveStartKey());
            }
        }
        byte[][] bounds;
        if (range.keyCondition() != null) {
            bounds = KeyRanges.of(prefix, range.keyCondition());
        } else {
            long hashes = 1L << 32;
            bounds = new byte[][] {
                StorageKeys.hashBoundary(prefix, hashes * range.segment() / range.totalSegments()),
                StorageKeys.hashBoundary(prefix, hashes * (range.segment() + 1) / range.totalSegments())
            };
        }
        var cursor = new RangeCursor(store.iterator(), bounds[0], bounds[1], range.forward(), start);
        boolean index = range.indexName() != null;
        return new ItemCursor() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Item next() {
                if (!cursor.hasNext()) {
                    throw new NoSuchElementException();
                }
                var item = index ? ItemCodec.decode(cursor.value()) : StoredValue.itemOf(cursor.value());
                cursor.advance();
                return item;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** A page of the table's items, or of its tombstones, each with its version, in storage key order. */
    List<VersionedItem> versioned(TableState table, boolean tombstones, Item exclusiveStartKey, int limit) {
        var schema = table.definition().keySchema();
        byte kind = tombstones ? StorageKeys.TOMBSTONE : StorageKeys.ITEM;
        byte[] prefix = StorageKeys.tablePrefix(kind, table.id());
        byte[] start = exclusiveStartKey == null
                ? null
                : tombstones
                        ? StorageKeys.tombstone(table.id(), schema, exclusiveStartKey)
                        : StorageKeys.item(table.id(), schema, exclusiveStartKey);
        var page = new ArrayList<VersionedItem>();
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, start)) {
            while (cursor.hasNext() && page.size() < limit) {
                var stored = StoredValue.decode(cursor.value());
                var key = stored.item() == null
                        ? StorageKeys.keyOf(cursor.key(), schema)
                        : IndexKeys.keyOf(schema, stored.item());
                page.add(new VersionedItem(
                        key,
                        stored.item(),
                        stored.version().timestamp(),
                        stored.version().origin()));
                cursor.advance();
            }
        }
        return page;
    }

    /** How many items the table holds, counting keys without decoding the items. */
    long countItems(TableState table) {
        return countKeys(store, StorageKeys.ITEM, table.id());
    }

    /** How many keys of one kind (items, tombstones, ...) a table has in the store; reads them all. */
    static long countKeys(DurableStore store, byte kind, long tableId) {
        byte[] prefix = StorageKeys.tablePrefix(kind, tableId);
        long count = 0;
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
            while (cursor.hasNext()) {
                count++;
                cursor.advance();
            }
        }
        return count;
    }

    /** Up to {@code limit} stream records after {@code afterSequence} and up to {@code lastSequence}. */
    List<ChangeRecord> streamRecords(long tableId, long afterSequence, long lastSequence, int limit) {
        var records = new ArrayList<ChangeRecord>();
        if (lastSequence <= afterSequence) {
            return records;
        }
        byte[] from = StorageKeys.stream(tableId, afterSequence + 1);
        byte[] to = StorageKeys.stream(tableId, lastSequence + 1);
        try (var cursor = new RangeCursor(store.iterator(), from, to, true, null)) {
            while (cursor.hasNext() && records.size() < limit) {
                records.add(ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value()));
                cursor.advance();
            }
        }
        return records;
    }

    /** The sequence number of the oldest stream record kept, or {@code Long.MAX_VALUE} if there is none. */
    long firstStreamSequence(long tableId) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, tableId);
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
            return cursor.hasNext() ? StorageKeys.streamSequence(cursor.key()) : Long.MAX_VALUE;
        }
    }

    /** The newest stream record, or {@code null} if there is none. */
    ChangeRecord lastStreamRecord(long tableId) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, tableId);
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), false, null)) {
            return cursor.hasNext()
                    ? ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value())
                    : null;
        }
    }

    /** Deletes the table's stream records created before {@code cutoffMillis}; returns how many. */
    int trimStream(long tableId, long cutoffMillis) {
        byte[] prefix = StorageKeys.tablePrefix(StorageKeys.STREAM, tableId);
        byte[] end = null;
        int count = 0;
        try (var cursor = new RangeCursor(store.iterator(), prefix, StorageKeys.successor(prefix), true, null)) {
            while (cursor.hasNext()) {
                var record = ChangeRecordCodec.decode(StorageKeys.streamSequence(cursor.key()), cursor.value());
                if (record.createdAtMillis() >= cutoffMillis) {
                    break;
                }
                end = cursor.key().clone();
                count++;
                cursor.advance();
            }
        }
        if (end != null) {
            store.deleteRange(prefix, StorageKeys.successor(end));
        }
        return count;
    }
}
