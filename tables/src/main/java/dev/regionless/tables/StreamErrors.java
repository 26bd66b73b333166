package dev.regionless.tables;

import dev.regionless.common.AwsException;

/**
 * Factories for the errors the DynamoDB Streams API answers, with its codes, statuses and texts, so that stream
 * consumers (the Kinesis adapter, Lambda-style pollers) recognise them as they do against AWS.
 *
 * <p>Where AWS's exact text could not be confirmed, the text is the one DynamoDB Local or real-world clients show;
 * the codes and statuses are those of the service model.
 */
public final class StreamErrors {
    private StreamErrors() {}

    /** The {@code ResourceNotFoundException} for a well-formed stream ARN that names no stream. */
    public static AwsException streamNotFound(String streamArn) {
        return new AwsException(
                "ResourceNotFoundException", 400, "Requested resource not found: Stream: " + streamArn + " not found");
    }

    /** The {@code ResourceNotFoundException} for a shard id the stream does not have. */
    public static AwsException shardNotFound() {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found: Shard does not exist");
    }

    /** A {@code ValidationException}: the text is not a stream ARN at all. */
    public static AwsException invalidStreamArn() {
        return TableErrors.validation("Invalid StreamArn");
    }

    /** A {@code ValidationException}: the shard iterator was not issued by this service. */
    public static AwsException invalidShardIterator() {
        return TableErrors.validation("Invalid ShardIterator");
    }

    /** A {@code ValidationException}: the sequence number is not a decimal number this service issues. */
    public static AwsException invalidSequenceNumber() {
        return TableErrors.validation("Invalid SequenceNumber");
    }

    /** A {@code ValidationException}: the sequence number lies outside the shard's range. */
    public static AwsException sequenceNumberOutsideShard() {
        return TableErrors.validation("Invalid SequenceNumber for the shard");
    }

    /** The {@code ExpiredIteratorException} for an iterator issued more than 15 minutes ago. */
    public static AwsException expiredIterator() {
        return new AwsException("ExpiredIteratorException", 400, "Shard iterator has expired");
    }

    /** The {@code TrimmedDataAccessException} for a position whose records retention has already dropped. */
    public static AwsException trimmed() {
        return new AwsException(
                "TrimmedDataAccessException", 400, "The data you are trying to access has been trimmed");
    }

    /** The {@code UnknownOperationException} for an {@code X-Amz-Target} operation the API does not have. */
    public static AwsException unknownOperation() {
        return new AwsException("UnknownOperationException", 400, "An unknown operation was requested.");
    }
}
