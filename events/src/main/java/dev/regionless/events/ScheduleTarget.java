package dev.regionless.events;

/**
 * Where a schedule's event goes when it fires. EventBridge invokes a function asynchronously; the default target
 * ({@link Schedules#invoking}) hands the event to the region's asynchronous queue, with its retries and destinations.
 */
@FunctionalInterface
public interface ScheduleTarget {

    /** Hands the event over; returns without waiting for the function. */
    void deliver(String functionName, byte[] payload);
}
