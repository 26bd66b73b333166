package dev.regionless.events;

import dev.regionless.common.AwsException;
import java.util.Map;

/** Factories for the Lambda API's errors about event source mappings, spelled as Lambda spells them. */
public final class EventSourceErrors {
    private EventSourceErrors() {}

    /** Lambda's answer to a UUID that names no mapping. */
    public static AwsException mappingNotFound(String uuid) {
        return new AwsException(
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist. (UUID: " + uuid + ")",
                Map.of("Type", "User"));
    }

    /** A second mapping of one function to one source. */
    public static AwsException mappingExists(String eventSourceArn, String functionName, String uuid) {
        return new AwsException(
                "ResourceConflictException",
                409,
                "The event source arn (\" " + eventSourceArn + " \") and function (\" " + functionName
                        + " \") provided mapping already exists. Please update or delete the existing mapping with"
                        + " UUID " + uuid,
                Map.of("Type", "User"));
    }

    /** A change through the API to a mapping that a template declares. */
    public static AwsException declaredByTemplate(String uuid) {
        return new AwsException(
                "ResourceConflictException",
                409,
                "The event source mapping " + uuid + " is declared by the deployed template (expected: change the"
                        + " template's event and deploy it again)",
                Map.of("Type", "User"));
    }
}
