package dev.regionless.functions;

import dev.regionless.common.AwsException;
import java.util.Map;

/** Factories for the Lambda API's errors, spelled as Lambda spells them. */
public final class FunctionErrors {
    private FunctionErrors() {}

    public static AwsException functionNotFound(String arn) {
        return new AwsException("ResourceNotFoundException", 404, "Function not found: " + arn, Map.of("Type", "User"));
    }

    public static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterValueException", 400, message, Map.of("Type", "User"));
    }

    public static AwsException invalidRequestContent(String message) {
        return new AwsException("InvalidRequestContentException", 400, message, Map.of("Type", "User"));
    }

    public static AwsException payloadTooLarge(long size, long limit) {
        return new AwsException(
                "RequestEntityTooLargeException",
                413,
                "Request must be smaller than " + limit + " bytes for the InvokeFunction operation",
                Map.of("Type", "User", "size", size));
    }

    public static AwsException throttled(String reason) {
        return new AwsException(
                "TooManyRequestsException", 429, "Rate Exceeded.", Map.of("Type", "User", "Reason", reason));
    }

    public static AwsException unsupportedInvocationType(String type) {
        return invalidParameter("1 validation error detected: Value '" + type
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set:"
                + " [Event, RequestResponse, DryRun]");
    }
}
