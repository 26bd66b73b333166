package dev.regionless.events;

/**
 * Where a schedule's event goes when it fires. EventBridge invokes a function asynchronously; until the region has
 * Lambda's asynchronous invocation (retries, destinations), the default target starts one invocation and logs how it
 * ended, and the asynchronous queue plugs in here as another target.
 */
@FunctionalInterface
public interface ScheduleTarget {

    /** Hands the event over; returns without waiting for the function. */
    void deliver(String functionName, byte[] payload);
}
