package dev.regionless.tables.engine;

import dev.regionless.tables.TableStore;

/**
 * One item's write on its way to the store.
 *
 * @param key the item's storage key
 * @param version the replicated write's version, or {@code null} for a local write, which gets a new one as it is
 *     committed
 * @param replicated true for a write applied from another region: stored even when only its version differs, so
 *     that every replica ends with the same version of an item
 */
record ItemChange(
        TableStore.ItemWrite write, byte[] key, TableStore.WriteResult result, Version version, boolean replicated) {

    static ItemChange local(TableStore.ItemWrite write, byte[] key, TableStore.WriteResult result) {
        return new ItemChange(write, key, result, null, false);
    }
}
