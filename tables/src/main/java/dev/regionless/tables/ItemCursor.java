package dev.regionless.tables;

/**
 * Items read in key order from a table or an index, one at a time, so that a reader can stop at its page limits.
 * Holds storage resources: close it.
 */
public interface ItemCursor extends AutoCloseable {
    boolean hasNext();

    /** The next item: the whole item for a table, the projected item for an index. */
    Item next();

    @Override
    void close();
}
