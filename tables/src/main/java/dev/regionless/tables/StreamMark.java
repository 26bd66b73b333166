package dev.regionless.tables;

/**
 * Where a table's stream stands for writes this region accepted: every such write with a hybrid logical clock
 * timestamp up to {@code timestamp} has a stream position up to {@code sequence}. Replication uses it to say up to
 * which timestamp a peer that has acknowledged the stream up to {@code sequence} has all of this region's writes.
 *
 * @param sequence the last stream position handed out (its write may not be durable yet)
 * @param timestamp the largest timestamp this region had issued or seen at that moment
 */
public record StreamMark(long sequence, long timestamp) {
    /** How many low bits of a timestamp count events within one millisecond. */
    private static final int LOGICAL_BITS = 16;

    /** The smallest hybrid logical clock timestamp of the given wall-clock millisecond. */
    public static long timestampAt(long epochMillis) {
        return epochMillis << LOGICAL_BITS;
    }
}
