package dev.regionless.events.topics;

import dev.regionless.common.AwsException;

/**
 * Factories for the errors SNS answers, with SNS's query-protocol codes (what the SDKs map to their typed
 * exceptions: {@code NotFound} to {@code NotFoundException}, {@code InvalidParameter} to
 * {@code InvalidParameterException}, {@code ParameterValueInvalid} to {@code InvalidParameterValueException}) and
 * messages that start as SNS's do ({@code Invalid parameter: ...}) and go on to say what was expected.
 */
public final class TopicErrors {
    private TopicErrors() {}

    public static AwsException topicNotFound(String arn) {
        return new AwsException(
                "NotFound", 404, "Topic does not exist: " + arn + " (expected: a topic created in this region)");
    }

    public static AwsException subscriptionNotFound(String arn) {
        return new AwsException(
                "NotFound",
                404,
                "Subscription does not exist: " + arn + " (expected: a subscription created with Subscribe)");
    }

    /** {@code InvalidParameter}: the parameter, the value received and what was expected. */
    public static AwsException invalidParameter(String parameter, Object value, String expected) {
        return new AwsException(
                "InvalidParameter",
                400,
                "Invalid parameter: " + parameter + ": " + value + " (expected: " + expected + ")");
    }

    /** {@code InvalidParameter} with SNS's own reason, for checks that have no single value to show. */
    public static AwsException invalidParameterReason(String parameter, String reason) {
        return new AwsException("InvalidParameter", 400, "Invalid parameter: " + parameter + " Reason: " + reason);
    }

    /** {@code ParameterValueInvalid}, SNS's error for a bad message attribute. */
    public static AwsException invalidParameterValue(String message) {
        return new AwsException("ParameterValueInvalid", 400, message);
    }

    public static AwsException tooManyEntries(int entries) {
        return new AwsException(
                "TooManyEntriesInBatchRequest",
                400,
                "The batch request contains more entries than permissible: " + entries + " (expected: 1..10)");
    }

    public static AwsException emptyBatch() {
        return new AwsException(
                "EmptyBatchRequest",
                400,
                "The batch request doesn't contain any entries (expected: 1..10 PublishBatchRequestEntries)");
    }

    public static AwsException idsNotDistinct(String id) {
        return new AwsException(
                "BatchEntryIdsNotDistinct",
                400,
                "Two or more batch entries in the request have the same Id: " + id + " (expected: distinct ids)");
    }

    public static AwsException invalidBatchEntryId(String id) {
        return new AwsException(
                "InvalidBatchEntryId",
                400,
                "The Id of a batch entry in a batch request doesn't abide by the specification: " + id
                        + " (expected: 1 to 80 letters, digits, hyphens and underscores)");
    }

    public static AwsException batchTooLong(long bytes, int limit) {
        return new AwsException(
                "BatchRequestTooLong",
                400,
                "The length of all the messages put together is more than the limit: " + bytes + " bytes (expected:"
                        + " at most " + limit + ")");
    }
}
