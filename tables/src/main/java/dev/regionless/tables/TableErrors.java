package dev.regionless.tables;

import dev.regionless.common.AwsException;

/**
 * Factories for the errors DynamoDB answers about items and expressions, with DynamoDB's own codes, statuses and
 * texts, so that clients matching on them behave as they do against AWS.
 *
 * <p>The wire layer adds the {@code com.amazonaws.dynamodb.v20120810#} prefix to the code; nothing here does.
 */
public final class TableErrors {
    private TableErrors() {}

    /** A {@code ValidationException} (400) with the message exactly as given. */
    public static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    /** A {@code ValidationException} whose message starts with "One or more parameter values were invalid: ". */
    public static AwsException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    /** A {@code SerializationException} (400): the request body does not have the shape the API expects. */
    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", 400, message);
    }

    /** The {@code ConditionalCheckFailedException} (400) a write answers when its condition is false. */
    public static AwsException conditionalCheckFailed() {
        return new AwsException("ConditionalCheckFailedException", 400, "The conditional request failed");
    }

    /** The {@code ResourceNotFoundException} (400) for a table or index that does not exist. */
    public static AwsException resourceNotFound() {
        return new AwsException("ResourceNotFoundException", 400, "Requested resource not found");
    }

    /** As {@link #resourceNotFound()}, naming the table as DynamoDB does for table operations. */
    public static AwsException resourceNotFound(String tableName) {
        return new AwsException(
                "ResourceNotFoundException", 400, "Requested resource not found: Table: " + tableName + " not found");
    }

    /** The {@code ResourceInUseException} (400) CreateTable answers for a name already taken. */
    public static AwsException tableExists(String tableName) {
        return new AwsException("ResourceInUseException", 400, "Table already exists: " + tableName);
    }

    /** A {@code ResourceNotFoundException} (400) with the message exactly as given. */
    public static AwsException resourceNotFoundMessage(String message) {
        return new AwsException("ResourceNotFoundException", 400, message);
    }
}
