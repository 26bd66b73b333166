package dev.regionless.queues;

import dev.regionless.common.AwsException;

/**
 * One entry's outcome in a batch call: batches succeed entry by entry, and a failed entry names its SQS error.
 *
 * @param <T> what a successful entry answers
 */
public sealed interface BatchOutcome<T> {
    /** The entry succeeded with {@code value}. */
    record Success<T>(T value) implements BatchOutcome<T> {}

    /** The entry failed with {@code error}; the others are unaffected. */
    record Failure<T>(AwsException error) implements BatchOutcome<T> {}
}
