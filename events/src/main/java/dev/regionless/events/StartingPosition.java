package dev.regionless.events;

/** Where a new event source mapping starts reading its stream, as Lambda's {@code StartingPosition} names it. */
public enum StartingPosition {
    /** At the oldest record the stream still holds. */
    TRIM_HORIZON,
    /** After the newest record the stream holds when the mapping is created: only later changes are delivered. */
    LATEST
}
