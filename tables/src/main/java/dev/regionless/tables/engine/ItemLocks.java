package dev.regionless.tables.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writes to one item: a fixed set of locks, each item key mapped to one of them. Several keys are
 * locked in stripe order, so transactions over overlapping items cannot deadlock. Plain locks (not
 * {@code synchronized}), so that virtual threads waiting on them unmount.
 */
final class ItemLocks {
    private static final int STRIPES = 4096;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ItemLocks() {
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    /** Locks the stripes of all keys, in order; returns what to pass to {@link #unlock}. */
    int[] lock(List<byte[]> keys) {
        int[] stripes =
                keys.stream().mapToInt(ItemLocks::stripe).distinct().sorted().toArray();
        for (int stripe : stripes) {
            locks[stripe].lock();
        }
        return stripes;
    }

    void unlock(int[] stripes) {
        for (int i = stripes.length - 1; i >= 0; i--) {
            locks[stripes[i]].unlock();
        }
    }

    private static int stripe(byte[] key) {
        return (Arrays.hashCode(key) & 0x7FFFFFFF) % STRIPES;
    }
}
