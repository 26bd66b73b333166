package dev.regionless.tables.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.RocksIterator;

/**
 * Walks the keys in [lower, upper) forwards or backwards, optionally starting just past a given key (a page's
 * exclusive start). Holds a RocksDB iterator, so it must be closed.
 */
final class RangeCursor implements AutoCloseable {
    private final RocksIterator iterator;
    private final byte[] lower;
    private final byte[] upper;
    private final boolean forward;

    RangeCursor(RocksIterator iterator, byte[] lower, byte[] upper, boolean forward, byte[] exclusiveStart) {
        this.iterator = iterator;
        this.lower = lower;
        this.upper = upper;
        this.forward = forward;
        if (forward) {
            byte[] from = exclusiveStart != null && compare(exclusiveStart, lower) >= 0 ? exclusiveStart : lower;
            iterator.seek(from);
            if (iterator.isValid() && exclusiveStart != null && Arrays.equals(iterator.key(), exclusiveStart)) {
                iterator.next();
            }
        } else {
            byte[] from = exclusiveStart != null && compare(exclusiveStart, upper) < 0 ? exclusiveStart : upper;
            iterator.seekForPrev(from);
            if (iterator.isValid() && Arrays.equals(iterator.key(), from)) {
                iterator.prev();
            }
        }
    }

    boolean hasNext() {
        if (!iterator.isValid()) {
            return false;
        }
        byte[] key = iterator.key();
        return compare(key, lower) >= 0 && compare(key, upper) < 0;
    }

    /** The current key; call {@link #value()} for its value, then {@link #advance()}. */
    byte[] key() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return iterator.key();
    }

    byte[] value() {
        return iterator.value();
    }

    void advance() {
        if (forward) {
            iterator.next();
        } else {
            iterator.prev();
        }
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public void close() {
        iterator.close();
    }
}
