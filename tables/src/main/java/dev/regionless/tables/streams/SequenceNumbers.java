package dev.regionless.tables.streams;

import java.util.OptionalLong;

/**
 * Sequence numbers as DynamoDB Streams writes them: decimal digits only, at least 21 of them (the service model's
 * minimum length), so that clients that compare them as big integers or as strings of equal length both see the
 * stream's order.
 */
public final class SequenceNumbers {
    /** The service model's bounds on a sequence number's length. */
    public static final int MIN_LENGTH = 21, MAX_LENGTH = 40;

    private SequenceNumbers() {}

    /** The sequence number of a change record, zero-padded to 21 digits. */
    public static String format(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 0)");
        }
        return String.format("%021d", sequence);
    }

    /** The change record sequence a sequence number names, or empty if it is not one this service could issue. */
    public static OptionalLong parse(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 19) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // between Long.MAX_VALUE and 10^19
        }
    }
}
