package dev.regionless.tables.engine;

import dev.regionless.tables.catalog.TableState;

/** A table's state and the stream positions that change with every write. */
final class TableRuntime {
    volatile TableState state;
    /** The last sequence number handed out; guarded by the commit lock. */
    long lastSequence;
    /** The highest sequence number whose write is durable; stream readers see no further. */
    volatile long durableSequence;
    /**
     * Replicated writes older than this (a hybrid logical clock timestamp) are refused: every replica has had them,
     * so they can only be repeats, and the tombstones that would stop them may be gone. See {@link Tombstones}.
     */
    volatile long tombstoneHorizon;

    TableRuntime(TableState state, long lastSequence) {
        this.state = state;
        this.lastSequence = lastSequence;
        this.durableSequence = lastSequence;
    }
}
