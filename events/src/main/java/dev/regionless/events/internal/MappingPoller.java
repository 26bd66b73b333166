package dev.regionless.events.internal;

import dev.regionless.events.EventSourceMapping;

/**
 * What {@link RunningMappings} needs of the pollers of one enabled mapping, whatever its source: to wake them when
 * something they may wait for happened, and to stop them without cutting an invocation short.
 */
interface MappingPoller {

    EventSourceMapping mapping();

    /** Something changed that the poller may be waiting for: its table, or the deployed functions. */
    void wake();

    /** Asks the poller to stop after the invocation in flight, if any; returns at once. */
    void requestStop();

    /** Waits until the poller has stopped; call {@link #requestStop()} first. */
    void awaitStopped();
}
