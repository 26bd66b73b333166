package dev.regionless.queues;

import dev.regionless.common.AwsException;

/**
 * Factories for the errors SQS answers, each with the code of its error shape in SQS's JSON model (what the SDKs
 * map to their typed exceptions, such as {@code QueueDoesNotExistException}). The wire layer adds the protocol's
 * prefix, and for the query protocol and the {@code x-amzn-query-error} header the older code, in one place.
 */
public final class QueueErrors {
    private QueueErrors() {}

    public static AwsException queueDoesNotExist(String queue) {
        return new AwsException(
                "QueueDoesNotExist",
                400,
                "The specified queue does not exist: " + queue + " (expected: a queue "
                        + "created with CreateQueue in this region)");
    }

    public static AwsException queueNameExists(String queue, String attribute) {
        return new AwsException(
                "QueueNameExists",
                400,
                "A queue already exists with the same name and a different value for attribute " + attribute + ": "
                        + queue);
    }

    public static AwsException queueDeletedRecently(String queue, long secondsLeft) {
        return new AwsException(
                "QueueDeletedRecently",
                400,
                "You must wait 60 seconds after deleting a queue before you can create another with the same name: "
                        + queue + " (expected: a new queue of that name in " + secondsLeft + " s)");
    }

    /** {@code InvalidParameterValue}: "Value V for parameter P is invalid. Reason: R." as SQS words it. */
    public static AwsException invalidParameter(String parameter, Object value, String reason) {
        return new AwsException(
                "InvalidParameterValue",
                400,
                "Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    /** {@code InvalidParameterValue} with the message as given. */
    public static AwsException invalidParameterMessage(String message) {
        return new AwsException("InvalidParameterValue", 400, message);
    }

    public static AwsException missingParameter(String parameter) {
        return new AwsException("MissingParameter", 400, "The request must contain the parameter " + parameter + ".");
    }

    public static AwsException invalidAttributeName(String name) {
        return new AwsException("InvalidAttributeName", 400, "Unknown Attribute " + name + ".");
    }

    /** {@code InvalidAttributeValue}: the attribute, the value received and what was expected. */
    public static AwsException invalidAttributeValue(String name, String value, String expected) {
        return new AwsException(
                "InvalidAttributeValue",
                400,
                "Invalid value for the parameter " + name + ": " + value + " (expected: " + expected + ")");
    }

    public static AwsException receiptHandleIsInvalid(String handle) {
        return new AwsException(
                "ReceiptHandleIsInvalid",
                400,
                "The input receipt handle \"" + handle + "\" is not a valid receipt " + "handle.");
    }

    /** A FIFO queue's handle from an earlier receive of a message received again since. */
    public static AwsException receiptHandleExpired(String handle) {
        return new AwsException(
                "ReceiptHandleIsInvalid",
                400,
                "The receipt handle has expired: \"" + handle + "\" (expected: the handle of the latest receive)");
    }

    public static AwsException messageNotInflight() {
        return new AwsException(
                "MessageNotInflight", 400, "The message referred to isn't in flight (its visibility timeout passed)");
    }

    public static AwsException invalidMessageContents(String reason) {
        return new AwsException("InvalidMessageContents", 400, "Invalid characters found in the message: " + reason);
    }

    public static AwsException purgeInProgress(String queue) {
        return new AwsException(
                "PurgeQueueInProgress",
                400,
                "Only one PurgeQueue operation on " + queue + " is allowed every 60 seconds.");
    }

    public static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFoundException", 400, message);
    }

    public static AwsException unsupportedOperation(String message) {
        return new AwsException("UnsupportedOperation", 400, message);
    }

    public static AwsException emptyBatch(String entries) {
        return new AwsException(
                "EmptyBatchRequest", 400, "There should be at least one " + entries + " in the request.");
    }

    public static AwsException tooManyEntries(int count) {
        return new AwsException(
                "TooManyEntriesInBatchRequest",
                400,
                "Maximum number of entries per request are 10. You have sent " + count + ".");
    }

    public static AwsException batchIdsNotDistinct(String id) {
        return new AwsException(
                "BatchEntryIdsNotDistinct", 400, "Id " + id + " repeated (expected: a distinct Id per entry)");
    }

    public static AwsException invalidBatchEntryId(String id) {
        return new AwsException(
                "InvalidBatchEntryId",
                400,
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at "
                        + "most 80 letters long: \"" + id + "\"");
    }

    public static AwsException batchTooLong(long size, int max) {
        return new AwsException(
                "BatchRequestTooLong",
                400,
                "Batch requests cannot be longer than " + max + " bytes. You have sent " + size + " bytes.");
    }
}
